package main

// handler writes handler.go: the package's HTTP API over net/http.
func (p *pkg) handler() string {
	var s src
	s.l(p.r(`package XPKGX

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"XMODX/internal/platform/httpx"
)

// Handler serves the XLOWX API.
type Handler struct {
	svc     *Service
	maxBody int64
}

// NewHandler returns a Handler over svc.
func NewHandler(svc *Service) *Handler {
	return &Handler{svc: svc, maxBody: 1 << 20}
}

// Routes registers the handler's endpoints on mux.
func (h *Handler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/XDOMX/XPKGX", h.list)
	mux.HandleFunc("POST /api/XDOMX/XPKGX", h.create)
	mux.HandleFunc("GET /api/XDOMX/XPKGX/{id}", h.get)
	mux.HandleFunc("PUT /api/XDOMX/XPKGX/{id}", h.update)
	mux.HandleFunc("DELETE /api/XDOMX/XPKGX/{id}", h.remove)
	mux.HandleFunc("POST /api/XDOMX/XPKGX/{id}/archive", h.archive)
	mux.HandleFunc("GET /api/XDOMX/XPKGX/stats", h.stats)
}

// fail writes err as the matching HTTP status.
func fail(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, ErrNotFound):
		httpx.Error(w, http.StatusNotFound, err.Error())
	case errors.Is(err, ErrInvalid):
		httpx.Error(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, ErrConflict):
		httpx.Error(w, http.StatusConflict, err.Error())
	default:
		httpx.Error(w, http.StatusInternalServerError, "internal error")
	}
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	tenant, err := httpx.Tenant(r)
	if err != nil {
		httpx.Error(w, http.StatusUnauthorized, err.Error())
		return
	}
	f := Filter{TenantID: tenant, Status: r.URL.Query().Get("status")}
	f.Limit, f.Offset = httpx.Paging(r)
	if since := r.URL.Query().Get("since"); since != "" {
		t, err := time.Parse(time.RFC3339, since)
		if err != nil {
			httpx.Error(w, http.StatusBadRequest, "since: "+err.Error())
			return
		}
		f.Since = t
	}
	xs, err := h.svc.List(r.Context(), f)
	if err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("X-Total-Count", strconv.Itoa(len(xs)))
	httpx.JSON(w, http.StatusOK, xs)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	tenant, err := httpx.Tenant(r)
	if err != nil {
		httpx.Error(w, http.StatusUnauthorized, err.Error())
		return
	}
	id, err := httpx.IntParam(r, "id")
	if err != nil {
		httpx.Error(w, http.StatusBadRequest, err.Error())
		return
	}
	x, err := h.svc.Get(r.Context(), tenant, id)
	if err != nil {
		fail(w, err)
		return
	}
	httpx.JSON(w, http.StatusOK, x)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	tenant, err := httpx.Tenant(r)
	if err != nil {
		httpx.Error(w, http.StatusUnauthorized, err.Error())
		return
	}
	var x XENTX
	if err := httpx.Decode(r, &x, h.maxBody); err != nil {
		httpx.Error(w, http.StatusBadRequest, err.Error())
		return
	}
	x.TenantID = tenant
	x.ID = 0
	created, err := h.svc.Create(r.Context(), &x)
	if err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("Location", "/api/XDOMX/XPKGX/"+strconv.FormatInt(created.ID, 10))
	httpx.JSON(w, http.StatusCreated, created)
}

func (h *Handler) update(w http.ResponseWriter, r *http.Request) {
	tenant, err := httpx.Tenant(r)
	if err != nil {
		httpx.Error(w, http.StatusUnauthorized, err.Error())
		return
	}
	id, err := httpx.IntParam(r, "id")
	if err != nil {
		httpx.Error(w, http.StatusBadRequest, err.Error())
		return
	}
	var x XENTX
	if err := httpx.Decode(r, &x, h.maxBody); err != nil {
		httpx.Error(w, http.StatusBadRequest, err.Error())
		return
	}
	x.TenantID, x.ID = tenant, id
	updated, err := h.svc.Update(r.Context(), &x)
	if err != nil {
		fail(w, err)
		return
	}
	httpx.JSON(w, http.StatusOK, updated)
}

func (h *Handler) remove(w http.ResponseWriter, r *http.Request) {
	tenant, err := httpx.Tenant(r)
	if err != nil {
		httpx.Error(w, http.StatusUnauthorized, err.Error())
		return
	}
	id, err := httpx.IntParam(r, "id")
	if err != nil {
		httpx.Error(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := h.svc.Delete(r.Context(), tenant, id); err != nil {
		fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) archive(w http.ResponseWriter, r *http.Request) {
	tenant, err := httpx.Tenant(r)
	if err != nil {
		httpx.Error(w, http.StatusUnauthorized, err.Error())
		return
	}
	id, err := httpx.IntParam(r, "id")
	if err != nil {
		httpx.Error(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := h.svc.Archive(r.Context(), tenant, id); err != nil {
		fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) stats(w http.ResponseWriter, r *http.Request) {
	tenant, err := httpx.Tenant(r)
	if err != nil {
		httpx.Error(w, http.StatusUnauthorized, err.Error())
		return
	}
	counts, err := h.svc.Stats(r.Context(), tenant)
	if err != nil {
		fail(w, err)
		return
	}
	httpx.JSON(w, http.StatusOK, map[string]any{"XLOWX": counts, "score": Score(len(counts))})
}`))
	return s.String()
}
