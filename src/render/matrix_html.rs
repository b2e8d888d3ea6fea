//! `gotags matrix --format html`: one self-contained page (no network, no external scripts
//! or fonts) drawing a [`Heatmap`]: packages as rows, expandable to files; configuration
//! groups as columns; the reason on hover and click; the gaps, the cover set and embedded
//! bytes per platform as bars. The data rides in the page as JSON; a small script draws it
//! and writes any error it meets into the page title and an error box.

use crate::matrix::heatmap::{Heatmap, Status};
use serde::Serialize;
use std::io::{self, Write};

/// Cells as one character per column: `0`–`4` for the statuses, reasons as base-36 ids.
#[derive(Serialize)]
struct CompactRow<'a> {
    n: &'a str,
    s: String,
    r: Vec<u32>,
}

#[derive(Serialize)]
struct CompactPackage<'a> {
    p: CompactRow<'a>,
    f: Vec<CompactRow<'a>>,
}

fn compact(row: &crate::matrix::heatmap::Row) -> CompactRow<'_> {
    CompactRow {
        n: &row.name,
        s: row
            .status
            .iter()
            .map(|s| char::from(b'0' + *s as u8))
            .collect(),
        r: row.reason.clone(),
    }
}

#[derive(Serialize)]
struct Page<'a> {
    module: &'a str,
    columns: &'a [crate::matrix::heatmap::Column],
    configs: &'a [String],
    rows: Vec<CompactPackage<'a>>,
    reasons: &'a [String],
    gaps: &'a [crate::matrix::heatmap::Gap],
    cover: &'a [String],
    embed: &'a [crate::matrix::heatmap::EmbedBar],
}

/// Keeps `</script>` and friends from ending the data block early.
fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "<\\!--")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn write_html(out: &mut impl Write, h: &Heatmap) -> io::Result<()> {
    let page = Page {
        module: &h.module,
        columns: &h.columns,
        configs: &h.config_labels,
        rows: h
            .rows
            .iter()
            .map(|p| CompactPackage {
                p: compact(&p.package),
                f: p.files.iter().map(compact).collect(),
            })
            .collect(),
        reasons: &h.reasons,
        gaps: &h.gaps,
        cover: &h.cover,
        embed: &h.embed,
    };
    let data = serde_json::to_string(&page).map_err(io::Error::other)?;
    let title = html_escape(&format!("gotags matrix: {}", h.module));
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style></head>\n<body>\n\
         <h1>{title}</h1>\n<div id=\"errors\" hidden></div>\n\
         <p id=\"summary\"></p>\n<div id=\"legend\"></div>\n\
         <div id=\"detail\">Hover or click a cell for its reason.</div>\n\
         <div id=\"wrap\"><table id=\"heat\"><thead></thead><tbody></tbody></table></div>\n\
         <h2>Gaps</h2><ul id=\"gaps\"></ul>\n<h2>Minimal CI matrix (--cover)</h2><ul id=\"cover\"></ul>\n\
         <h2>Embedded bytes per platform</h2><div id=\"embed\"></div>\n\
         <script type=\"application/json\" id=\"data\">{}</script>\n<script>{SCRIPT}</script>\n\
         </body></html>\n",
        script_safe(&data)
    )?;
    // Statuses must match the script's legend.
    debug_assert_eq!(Status::TestOnly as u8, 4);
    Ok(())
}

const STYLE: &str = r##"
body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:16px;color:#1b1f24;background:#fff}
h1{font-size:18px;margin:0 0 6px}h2{font-size:15px;margin:18px 0 6px}
#errors{background:#fee;border:1px solid #c00;color:#900;padding:6px;white-space:pre-wrap}
#legend span{display:inline-block;margin-right:12px}
#legend i{display:inline-block;width:12px;height:12px;vertical-align:middle;margin-right:4px;border:1px solid #999}
#detail{position:sticky;top:0;background:#f6f8fa;border:1px solid #d0d7de;padding:6px;margin:8px 0;min-height:18px;z-index:3}
#wrap{overflow:auto;max-height:75vh;border:1px solid #d0d7de}
table{border-collapse:collapse}
th,td{padding:0;border:1px solid #fff}
thead th{position:sticky;top:0;background:#fff;z-index:2;height:120px;vertical-align:bottom}
thead th div{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal;font-size:11px;padding:2px}
thead th.fc div{font-weight:bold}thead th.cover{background:#fff8c5}
th.name{position:sticky;left:0;background:#fff;text-align:left;white-space:nowrap;padding:0 6px;font-weight:normal;z-index:1;max-width:420px;overflow:hidden;text-overflow:ellipsis}
tr.pkg th.name{cursor:pointer;font-weight:600}tr.file th.name{padding-left:22px;color:#57606a}
td{width:12px;min-width:12px;height:14px;cursor:pointer}
.s0{background:#2da44e}.s1{background:#d0d7de}.s2{background:#cf222e}.s3{background:#bf8700}.s4{background:#8fd19e}
td.sel{outline:2px solid #0969da}
.cgo{color:#8250df}
.bar{display:flex;align-items:center;margin:1px 0}.bar span{width:170px;font-size:12px}.bar b{display:inline-block;height:10px;background:#0969da;margin-right:6px}
"##;

const SCRIPT: &str = r##"
(function(){
"use strict";
function fail(msg){
  document.title="ERROR: "+msg;
  var e=document.getElementById("errors");
  if(e){e.hidden=false;e.textContent+=msg+"\n";}
  document.body.setAttribute("data-state","error");
}
window.addEventListener("error",function(ev){fail(String(ev.message||ev.error||"script error"));});
try{
  var D=JSON.parse(document.getElementById("data").textContent);
  var NAMES=["compiles","excluded","package vanishes","name undefined","go test only"];
  var cols=D.columns;
  var el=function(tag,cls,text){var x=document.createElement(tag);if(cls)x.className=cls;if(text!==undefined)x.textContent=text;return x;};
  document.getElementById("summary").textContent=D.configs.length+" configurations in "+cols.length+" groups (columns; first-class ports first, bold; cgo marked \u00a9), "+D.rows.length+" packages, "+D.gaps.length+" gaps.";
  var lg=document.getElementById("legend");
  NAMES.forEach(function(n,i){var s=el("span");var b=el("i","s"+i);s.appendChild(b);s.appendChild(document.createTextNode(n));lg.appendChild(s);});
  var head=document.querySelector("#heat thead"),body=document.querySelector("#heat tbody");
  var hr=el("tr");var corner=el("th","name","package / file");hr.appendChild(corner);
  cols.forEach(function(c,i){
    var th=el("th",(c.first_class?"fc":"")+(c.in_cover?" cover":""));
    var d=el("div",null,c.short+(c.cgo==="all"?" \u00a9":c.cgo==="some"?" (\u00a9)":""));
    th.title=c.label+(c.in_cover?" [in --cover set]":"");th.appendChild(d);hr.appendChild(th);
  });
  head.appendChild(hr);
  function row(r,cls,pi,fi){
    var tr=el("tr",cls);var th=el("th","name",r.n);th.title=r.n;tr.appendChild(th);
    var s=r.s;
    for(var i=0;i<s.length;i++){var td=document.createElement("td");td.className="s"+s.charAt(i);tr.appendChild(td);}
    tr.setAttribute("data-p",pi);if(fi!==undefined)tr.setAttribute("data-f",fi);
    return tr;
  }
  D.rows.forEach(function(p,pi){
    var tr=row(p.p,"pkg",pi);
    tr.firstChild.textContent="\u25b8 "+p.p.n+" ("+p.f.length+" files)";
    body.appendChild(tr);
  });
  function toggle(tr){
    var pi=+tr.getAttribute("data-p"),p=D.rows[pi],open=tr.getAttribute("data-open")==="1";
    if(open){var n=tr.nextSibling;while(n&&n.className==="file"){var x=n.nextSibling;n.remove();n=x;}
      tr.setAttribute("data-open","0");tr.firstChild.textContent="\u25b8 "+p.p.n+" ("+p.f.length+" files)";return;}
    var after=tr.nextSibling;
    p.f.forEach(function(f,fi){body.insertBefore(row(f,"file",pi,fi),after);});
    tr.setAttribute("data-open","1");tr.firstChild.textContent="\u25be "+p.p.n+" ("+p.f.length+" files)";
  }
  function describe(td){
    var tr=td.parentNode,ci=Array.prototype.indexOf.call(tr.children,td)-1;if(ci<0)return null;
    var p=D.rows[+tr.getAttribute("data-p")],fi=tr.getAttribute("data-f");
    var r=fi===null?p.p:p.f[+fi];
    var st=+r.s.charAt(ci);
    return (fi===null?p.p.n:p.p.n+"/"+r.n)+" on "+cols[ci].label+": "+NAMES[st]+" \u2014 "+D.reasons[r.r[ci]];
  }
  var detail=document.getElementById("detail"),selected=null;
  body.addEventListener("mouseover",function(ev){var t=ev.target;if(t.tagName==="TD"){var d=describe(t);if(d){t.title=d;if(!selected)detail.textContent=d;}}});
  body.addEventListener("click",function(ev){
    var t=ev.target;
    if(t.tagName==="TH"&&t.parentNode.className==="pkg"){toggle(t.parentNode);return;}
    if(t.tagName==="TD"){if(selected)selected.classList.remove("sel");selected=t;t.classList.add("sel");detail.textContent=describe(t)||"";}
  });
  var gl=document.getElementById("gaps");
  if(!D.gaps.length)gl.appendChild(el("li",null,"none"));
  D.gaps.forEach(function(g){var li=el("li");li.appendChild(el("b",null,g.kind+": "));li.appendChild(document.createTextNode(g.text));gl.appendChild(li);});
  var cl=document.getElementById("cover");
  if(!D.cover.length)cl.appendChild(el("li",null,"not computed (run with --cover)"));
  D.cover.forEach(function(c){cl.appendChild(el("li",null,c));});
  var eb=document.getElementById("embed"),max=1;
  D.embed.forEach(function(b){if(b.bytes>max)max=b.bytes;});
  if(!D.embed.length)eb.textContent="nothing embedded";
  D.embed.forEach(function(b){var d=el("div","bar");d.appendChild(el("span",null,b.platform));var bar=el("b");bar.style.width=Math.max(1,Math.round(400*b.bytes/max))+"px";d.appendChild(bar);d.appendChild(document.createTextNode(b.bytes.toLocaleString("en")+" B"));eb.appendChild(d);});
  if(document.body.getAttribute("data-state")!=="error"){document.body.setAttribute("data-state","rendered");document.title="gotags matrix: "+D.module+" ("+D.rows.length+" packages)";}
}catch(e){fail(String(e&&e.stack||e));}
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_cannot_close_the_script_block() {
        assert_eq!(script_safe(r#"{"n":"</script>"}"#), r#"{"n":"<\/script>"}"#);
        assert!(!script_safe("<!-- x").contains("<!--"));
    }
}
