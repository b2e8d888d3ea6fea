// +buildfoo

package p
