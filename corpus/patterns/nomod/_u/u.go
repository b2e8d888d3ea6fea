package u
