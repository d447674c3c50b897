package pages

import (
	"html/template"

	"github.com/hirebook/hirebook/generator/content"
)

// Audience says who a page is for. Team pages (guides, kits) are encrypted
// or left out before anything is written; candidate pages never hold team
// data, because their data types have no field for it.
type Audience int

// The two audiences.
const (
	Candidate Audience = iota
	Team
)

// Page is one file of the built site: either a layout with its data, or
// raw bytes (sitemap, feed, robots.txt, ...).
type Page struct {
	Path     string // output path, e.g. roles/pmm/index.html
	Layout   string // template name; empty for raw files
	Data     Data
	Body     []byte
	Make     func() []byte // makes Body when it is needed, for raw files with a Key
	Audience Audience
	// Key, when set, fingerprints everything the page shows that can
	// change while the site's settings and theme stay the same: a rebuild
	// may reuse the page's bytes while its Key is unchanged.
	Key string
}

// Data is what a layout receives. Every page's data embeds Common.
type Data interface {
	common() *Common
}

// SiteView is the site-wide data every layout can use.
type SiteView struct {
	Title            string
	CompanyName      string
	CompanyURL       string
	Logo             string // absolute or base-relative URL; may be empty
	BaseURL          string // absolute, ending in /
	BasePath         string // path part of BaseURL, ending in /
	Home             string // BasePath
	CSS              string // URL of the stylesheet
	Icon             string // URL of the favicon
	GuidesURL        string // empty when guides are not published
	EqualOpportunity string
	Accommodations   Contact
	Company          []Link // company pages
	Params           map[string]any
	Memo             *Memo // fragments shared by every page of the site
}

// Link is a labelled URL.
type Link struct {
	Title string
	URL   string
}

// Contact is either plain text or a link (mailto: or http(s)).
type Contact struct {
	Text string
	URL  string
}

// Common is the data shared by every page.
type Common struct {
	Site        *SiteView
	Title       string
	Description string
	Lang        string
	URL         string // base-path URL of this page
	Canonical   string // absolute URL
	NoIndex     bool
	JSONLD      template.JS // already-escaped JSON, or empty
	OpenGraph   bool
}

func (c *Common) common() *Common { return c }

// KPOView is a KPO as candidates see it.
type KPOView struct {
	ID, Title, Outcome, Timeframe string
	Number                        int
	Traits                        []string
}

// ArenaView is a growth arena with its name and the company's offer.
type ArenaView struct {
	ID, Name, Offer string
}

// InterviewerView is a person on the loop and what they cover.
type InterviewerView struct {
	Name, Title, Slug string
	Covers            []KPOView
	Minutes           int // their conversation's (ConversationMinutes); 0 when they cover no KPO
}

// Step is one conversation of the interview loop, or one part of a
// conversation's time plan.
type Step struct {
	Title   string
	Who     string
	Start   int // minutes from the start of the loop, or of the conversation
	Minutes int
	KPOs    []KPOView // the objectives it covers, when it covers any

	interviewer string // slug of the interviewer who holds the conversation, if one does
}

// RoleView is the candidate-safe view of a role: it has no field for
// internal notes, guide text, scorecards or links to the role's guide and
// kits. Team pages reach it through GuideView.Role.
type RoleView struct {
	Slug, Title, Summary string
	Team                 Link
	Location             string
	ModeInLocation       bool   // Location already names the work mode ("Remote, United States")
	WorkMode             string // onsite, hybrid, remote
	WorkModeLabel        string
	WorkModeText         string
	Goals                string
	WorksWith            []string
	EmploymentType       string
	EmploymentLabel      string
	Salary               string
	Posted, Closes       string // YYYY-MM-DD
	PostedText           string
	ClosesText           string
	Closed, Draft        bool
	ClosedEarly          bool // closed by status before its closing day: Closes is not the day it closed
	Apply                string
	ApplyIsMail          bool
	KPOs                 []KPOView
	Traits               []string
	Arenas               []ArenaView
	People               []string
	Resources            []string
	Opportunities        []string
	Interviewers         []InterviewerView
	Loop                 []Step // the interviews; the optional reverse interview is not one of them
	LoopMinutes          int    // the interviews' minutes in all
	ReverseOffered       bool
	ReverseMinutes       int
	ReverseRequest       Contact
	Feedback             string
	Body                 template.HTML
	URL                  string
	QuestionsURL         string
	CardKey              string // fingerprint of what lists show of the role
	Lang                 string
	Params               map[string]any

	// team holds the links team pages show for the role, made once when
	// the role is planned. Unexported, so no layout can reach it: the
	// guide index and guides copy what they show into their own data.
	team teamLinks
}

// RolePage is the candidate-facing role page.
type RolePage struct {
	Common
	Role      *RoleView
	OpenRoles string // URL of the portal
}

// TeamGroup is one team's roles on the portal.
type TeamGroup struct {
	Team  Link
	Roles []*RoleView
}

// PortalPage is the portal index (or one page of it) and team pages.
type PortalPage struct {
	Common
	Heading    string
	Groups     []TeamGroup
	Teams      []Link
	Page, Of   int
	Prev, Next string
	Count      int
}

// CompanyPageView is a company-wide page.
type CompanyPageView struct {
	Common
	Summary string
	Body    template.HTML
}

// AliasPage redirects an old path to a role page.
type AliasPage struct {
	Common
	Target string
}

// NotFoundPage is 404.html.
type NotFoundPage struct {
	Common
	Roles []*RoleView
}

var arenaNames = map[string]string{
	"technical":  "Technical growth",
	"teamwork":   "Peer relationships and teamwork",
	"leadership": "Leadership growth",
	"personal":   "Personal development",
}

func arenaViews(d content.Development) []ArenaView {
	var out []ArenaView
	for _, a := range d.Arenas() {
		out = append(out, ArenaView{ID: a.ID, Name: arenaNames[a.ID], Offer: a.Offer})
	}
	return out
}

// teamLinks are a role's guide and kits, for team pages only.
type teamLinks struct {
	guide string
	kits  []Link
}
