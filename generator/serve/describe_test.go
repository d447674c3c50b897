package serve

import "testing"

// The terminal names the content files that changed, never the temporary
// and backup files editors and sed -i write beside them.
func TestDescribeNamesOnlyContentFiles(t *testing.T) {
	for _, c := range []struct {
		changed []string
		want    string
	}{
		{[]string{"/s/content/roles/customer-support-lead.md", "/s/content/roles/sedNbwpMM"}, "customer-support-lead.md"},
		{[]string{"/s/content/roles/.x.md.swp", "/s/content/roles/4913", "/s/content/roles/x.md~", "/s/content/roles/x.md"}, "x.md"},
		{[]string{"/s/content/company/#growth.md#", "/s/content/company/growth.md", "/s/content/site.yaml"}, "growth.md, site.yaml"},
		{[]string{"/s/themes/mine/layouts/role.html", "/s/themes/mine/layouts/role.html___jb_tmp___", "/s/themes/mine/style.css.bak"}, "role.html"},
		{[]string{"/s/content/roles/sedAb12Cd", "/s/content/roles/.goutputstream-XYZ", "/s/content/notes.txt", "/s/content/roles"}, "a file"},
		{[]string{"/s/content/roles/a.md", "/s/content/roles/b.md", "/s/content/roles/c.md", "/s/content/roles/d.md", "/s/content/roles/d.md.tmp"}, "a.md, b.md, c.md and 1 more"},
	} {
		if got := describe(c.changed); got != c.want {
			t.Errorf("describe(%q) = %q, want %q", c.changed, got, c.want)
		}
	}
}
