package dashboard

func init() { addMessages(securityMessages) }

// securityMessages answer requests the server refuses for its own safety.
var securityMessages = map[string]map[string]string{
	"duration.seconds":   {langSv: "%d sekunder", langEn: "%d seconds"},
	"duration.minutes":   {langSv: "%d minuter", langEn: "%d minutes"},
	"request.toolarge":   {langSv: "Förfrågan är för stor (högst %d KiB).", langEn: "The request is too large (at most %d KiB)."},
	"request.unreadable": {langSv: "Förfrågan kunde inte läsas.", langEn: "The request could not be read."},
	"import.busy": {langSv: "%d filer förhandsgranskas redan. Vänta en halv minut och försök igen.",
		langEn: "%d files are already being previewed. Wait half a minute and try again."},
	"import.nofingerprint": {langSv: "Formuläret saknar förhandsgranskningens kontrollsumma. Ladda upp filen igen och bekräfta från den nya förhandsgranskningen.",
		langEn: "The form lacks the preview's checksum. Upload the file again and confirm from the new preview."},
}
