package dashboard

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
	"malbild/data/importer"
)

// importBodyLimit is the request size the upload needs: the largest file
// the import reads plus room for the multipart envelope.
const importBodyLimit = importer.MaxFileSize + 1<<20

// importPages serve the import: the upload form with the history of
// imports, the preview of an uploaded file, its commit, and the undo of the
// newest import. The uploaded bytes wait in previews, keyed by a random id,
// until committed or expired. Commits and undos are the store's writes, one
// at a time.
type importPages struct {
	s        *Server
	previews *importer.Pending
}

func (s *Server) importPages() *importPages {
	return &importPages{s: s, previews: importer.NewPending(s.store.Now)}
}

// actor is who the import log names: the signed-in account.
func (h *importPages) actor(c *fiber.Ctx) string { return actor(c) }

type importPage struct {
	History []batchView
	Notice  string
	Error   string
	MaxMiB  int
}

// batchView is an import of the history as the page shows it.
type batchView struct {
	importer.Batch
	When, Undone string // in Stockholm time
	New, Changed int
}

func viewBatches(batches []importer.Batch) []batchView {
	out := make([]batchView, len(batches))
	for i, b := range batches {
		out[i] = batchView{Batch: b, When: b.ImportedAt.In(analytics.Stockholm).Format("2006-01-02 15:04")}
		if !b.UndoneAt.IsZero() {
			out[i].Undone = b.UndoneAt.In(analytics.Stockholm).Format("2006-01-02 15:04")
		}
		for _, c := range b.Counts {
			out[i].New += c.New
			out[i].Changed += c.Changed
		}
	}
	return out
}

// form is GET /import: the upload form and the history; ?done=N, ?undone=N
// and ?nochange=1 say what the previous request did.
func (h *importPages) form(c *fiber.Ctx) error {
	l := lang(c)
	notice := ""
	switch {
	case c.Query("done") != "":
		notice = locale.Text(l, "import.done", c.QueryInt("done"))
	case c.Query("undone") != "":
		notice = locale.Text(l, "import.undone_notice", c.QueryInt("undone"))
	case c.Query("nochange") != "":
		notice = locale.Text(l, "import.nochange")
	}
	return h.page(c, http.StatusOK, notice, "")
}

func (h *importPages) page(c *fiber.Ctx, status int, notice, problem string) error {
	history, err := importer.History(c.UserContext(), h.s.store, 50)
	if err != nil {
		return err
	}
	c.Status(status)
	return h.s.render(c, "import", locale.Text(lang(c), "import.title"),
		importPage{History: viewBatches(history), Notice: notice, Error: problem, MaxMiB: importer.MaxFileSize >> 20})
}

// preview is POST /import: it reads the uploaded file, keeps it, and shows
// what importing it would do.
func (h *importPages) preview(c *fiber.Ctx) error {
	l := lang(c)
	fh, err := c.FormFile("file")
	if err != nil {
		return h.page(c, http.StatusBadRequest, "", locale.Text(l, "import.choose"))
	}
	if err := importer.CheckSize(fh.Size, l); err != nil {
		return h.page(c, http.StatusRequestEntityTooLarge, "", err.Error())
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, importer.MaxFileSize+1))
	if err != nil {
		return err
	}
	file := importer.File{Name: fh.Filename, Data: data}
	plan, err := importer.Preview(c.UserContext(), h.s.store, file, importer.Options{Lang: l})
	var fe *importer.FileError
	if errors.As(err, &fe) {
		return h.page(c, http.StatusUnprocessableEntity, "", fe.Message)
	}
	if err != nil {
		return err
	}
	id := h.previews.Put(file)
	return h.showPlan(c, http.StatusOK, id, plan, "")
}

// commit is POST /import/commit: it applies the previewed file, unless the
// register changed since the preview so that it would write something else.
// The preview's fingerprint is required: without it that check could not
// be made.
func (h *importPages) commit(c *fiber.Ctx) error {
	l := lang(c)
	id, fingerprint := c.FormValue("id"), c.FormValue("fingerprint")
	if fingerprint == "" {
		return h.page(c, http.StatusBadRequest, "", locale.Text(l, "import.nofingerprint"))
	}
	file, ok := h.previews.Get(id)
	if !ok {
		return h.page(c, http.StatusGone, "", locale.Text(l, "import.expired"))
	}
	// The backup runs under the store's writer lock, just before the import.
	res, err := importer.Commit(c.UserContext(), h.s.store, file, importer.Options{
		Lang: l, Actor: h.actor(c), Fingerprint: fingerprint,
		BeforeWrite: func() error { return h.s.backupBeforeImport(c) },
	})
	var fe *importer.FileError
	switch {
	case errors.As(err, &fe):
		return h.page(c, http.StatusUnprocessableEntity, "", fe.Message)
	case err != nil && res != nil && analytics.ErrorCode(err) != analytics.EInternal:
		return h.showPlan(c, statusOf(err), id, res.Plan, analytics.ErrorText(lang(c), err))
	case err != nil:
		return err
	}
	h.previews.Remove(id)
	if res.Batch == nil {
		return redirect(c, "/import?nochange=1")
	}
	h.s.written()
	return redirect(c, "/import?done="+strconv.FormatInt(res.Batch.ID, 10))
}

// undo is POST /import/undo: it takes back the batch the form names, which
// must be the newest import in effect.
func (h *importPages) undo(c *fiber.Ctx) error {
	batch, err := strconv.ParseInt(c.FormValue("batch"), 10, 64)
	if err != nil || batch <= 0 {
		return h.page(c, http.StatusBadRequest, "", locale.Text(lang(c), "import.undo_which"))
	}
	b, err := importer.Undo(c.UserContext(), h.s.store, batch, h.actor(c), lang(c))
	h.s.written() // even a refused undo may have restored a part before it stopped
	if err != nil {
		if analytics.ErrorCode(err) == analytics.EInternal {
			return err
		}
		return h.page(c, statusOf(err), "", analytics.ErrorText(lang(c), err))
	}
	return redirect(c, "/import?undone="+strconv.FormatInt(b.ID, 10))
}

// previewRowLimit is how many rows of a sheet the preview page lists.
const previewRowLimit = 200

type previewPage struct {
	ID        string
	Plan      *importer.Plan
	Sheets    []previewSheet
	CanCommit bool
	Error     string
}

type previewSheet struct {
	*importer.SheetPlan
	Shown []importer.RowChange
	More  int
}

func (h *importPages) showPlan(c *fiber.Ctx, status int, id string, plan *importer.Plan, problem string) error {
	data := previewPage{ID: id, Plan: plan, Error: problem, CanCommit: !plan.HasErrors() && plan.Changes() > 0}
	for _, s := range plan.Sheets {
		shown := s.Rows[:min(len(s.Rows), previewRowLimit)]
		data.Sheets = append(data.Sheets, previewSheet{SheetPlan: s, Shown: shown, More: len(s.Rows) - len(shown) + s.RowsOmitted})
	}
	c.Status(status)
	return h.s.render(c, "import_preview", locale.Text(lang(c), "import.preview.title"), data)
}
