package dashboard

func init() { addMessages(settingsMessages) }

// settingsMessages are the words of the admin page's settings form.
var settingsMessages = map[string]map[string]string{
	"admin.settings":         {langSv: "Inställningar", langEn: "Settings"},
	"admin.association":      {langSv: "Föreningens namn", langEn: "The association's name"},
	"admin.association.note": {langSv: "Står på årsmötesrapporten och som dess författare. Tomt: \"Föreningen\".", langEn: "Shown on the annual meeting report and as its author. Empty: \"Föreningen\"."},
	"admin.save":             {langSv: "Spara", langEn: "Save"},
	"admin.saved":            {langSv: "Inställningarna sparades.", langEn: "The settings were saved."},
}
