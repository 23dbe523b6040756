package web

import (
	"fmt"
	"reflect"
	"testing"
	"text/template/parse"
)

// pageTypes names the page struct each template renders. The check below
// walks every template's parse tree with these types and fails on a field,
// method or function the data cannot provide, so a typo in a template
// fails a test instead of a request.
var pageTypes = map[string]any{
	"home":             homePage{},
	"film":             filmPage{},
	"person":           personPage{},
	"character":        characterPage{},
	"theme":            themePage{},
	"place":            placePage{},
	"publication":      publicationPage{},
	"films":            filmListPage{},
	"browse":           browsePage{},
	"compare":          comparePage{},
	"search":           searchPage{},
	"error":            errorPage{},
	"index":            indexPage{},
	"compareform":      compareFormPage{},
	"signup":           signupPage{},
	"signin":           signinPage{},
	"reset":            resetPage{},
	"settings":         settingsPage{},
	"sessions":         sessionsPage{},
	"apikeys":          apikeysPage{},
	"admin_users":      adminUsersPage{},
	"admin_audit":      adminAuditPage{},
	"history":          historyPage{},
	"diff":             diffPage{},
	"edit":             editPage{},
	"facts_edit":       factsEditPage{},
	"theories":         theoriesPage{},
	"theory":           theoryPage{},
	"talk":             talkPage{},
	"thread":           threadPage{},
	"recent_changes":   recentChangesPage{},
	"moderation":       moderationPage{},
	"themes":           themesPage{},
	"member":           memberPage{},
	"member_diary":     memberDiaryPage{},
	"member_list":      memberListPage{},
	"following":        followingPage{},
	"for_you":          forYouPage{},
	"settings_members": memberSettingsPage{},
	"import_result":    importPage{},
}

func TestTemplatesTypeCheck(t *testing.T) {
	tm, err := loadTemplates(false)
	if err != nil {
		t.Fatal(err)
	}
	for name, tp := range tm.pages {
		v, ok := pageTypes[name]
		if !ok {
			t.Errorf("template %s has no page struct in pageTypes", name)
			continue
		}
		root := reflect.PointerTo(reflect.TypeOf(v))
		c := &checker{t: t, lookup: func(n string) *parse.Tree {
			if x := tp.Lookup(n); x != nil {
				return x.Tree
			}
			return nil
		}, root: root, done: map[string]bool{}}
		c.template("layout.html", root)
		c.template("dossier", reflect.TypeOf(&dossierView{}))
		c.template("dossier-toc", reflect.TypeOf(&dossierView{}))
	}
	for name := range pageTypes {
		if tm.pages[name] == nil {
			t.Errorf("page struct for %s has no template", name)
		}
	}
}

// TestTemplateCheckerCatchesTypos makes sure the checker is not blind.
func TestTemplateCheckerCatchesTypos(t *testing.T) {
	tr, err := parse.Parse("x", `{{.Film.Titel}}{{range .Cast}}{{.PersonNam}}{{end}}{{nosuchfunc 1}}`, "{{", "}}", funcs, builtinFuncs)
	if err != nil {
		t.Fatal(err)
	}
	ft := &testing.T{}
	c := &checker{t: ft, lookup: func(n string) *parse.Tree { return tr[n] }, root: reflect.TypeOf(&filmPage{}), done: map[string]bool{}}
	c.template("x", c.root)
	if c.errors != 3 {
		t.Errorf("checker found %d errors in a template with 3", c.errors)
	}
}

var builtinFuncs = map[string]any{"nosuchfunc": func(int) string { return "" }}

type checker struct {
	t      *testing.T
	lookup func(string) *parse.Tree
	root   reflect.Type
	done   map[string]bool
	tree   *parse.Tree
	errors int
}

type scope struct {
	dot  reflect.Type // nil: unknown, not checked
	vars map[string]reflect.Type
}

func (s scope) with(dot reflect.Type) scope {
	v := make(map[string]reflect.Type, len(s.vars))
	for k, t := range s.vars {
		v[k] = t
	}
	return scope{dot: dot, vars: v}
}

func (c *checker) errorf(n parse.Node, format string, args ...any) {
	c.errors++
	loc, _ := c.tree.ErrorContext(n)
	if c.t != nil && c.t.Name() != "" {
		c.t.Errorf("%s: %s", loc, fmt.Sprintf(format, args...))
	}
}

func (c *checker) template(name string, dot reflect.Type) {
	key := name + "\x00" + fmt.Sprint(dot)
	if c.done[key] {
		return
	}
	c.done[key] = true
	tr := c.lookup(name)
	if tr == nil {
		c.errors++
		c.t.Errorf("no template %q", name)
		return
	}
	saved := c.tree
	c.tree = tr
	c.list(tr.Root, scope{dot: dot, vars: map[string]reflect.Type{"$": dot}})
	c.tree = saved
}

func (c *checker) list(l *parse.ListNode, s scope) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			c.pipe(n.Pipe, s)
		case *parse.IfNode:
			c.pipe(n.Pipe, s)
			c.list(n.List, s.with(s.dot))
			c.list(n.ElseList, s.with(s.dot))
		case *parse.WithNode:
			inner := s.with(s.dot)
			t := c.pipe(n.Pipe, inner)
			c.list(n.List, inner.with(t))
			c.list(n.ElseList, s.with(s.dot))
		case *parse.RangeNode:
			inner := s.with(s.dot)
			t := c.cmds(n.Pipe.Cmds, inner)
			key, elem := rangeTypes(t)
			if d := n.Pipe.Decl; len(d) == 1 {
				inner.vars[d[0].Ident[0]] = elem
			} else if len(d) == 2 {
				inner.vars[d[0].Ident[0]], inner.vars[d[1].Ident[0]] = key, elem
			}
			c.list(n.List, inner.with(elem))
			c.list(n.ElseList, s.with(s.dot))
		case *parse.TemplateNode:
			var t reflect.Type
			if n.Pipe != nil {
				t = c.pipe(n.Pipe, s)
			}
			c.template(n.Name, t)
		}
	}
}

func rangeTypes(t reflect.Type) (key, elem reflect.Type) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil, nil
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return reflect.TypeOf(0), t.Elem()
	case reflect.Map:
		return t.Key(), t.Elem()
	case reflect.Int:
		return t, t
	}
	return nil, nil
}

func (c *checker) pipe(p *parse.PipeNode, s scope) reflect.Type {
	t := c.cmds(p.Cmds, s)
	for _, d := range p.Decl {
		s.vars[d.Ident[0]] = t
	}
	return t
}

func (c *checker) cmds(cmds []*parse.CommandNode, s scope) reflect.Type {
	var t reflect.Type
	for _, cmd := range cmds {
		t = c.cmd(cmd, s)
	}
	return t
}

func (c *checker) cmd(cmd *parse.CommandNode, s scope) reflect.Type {
	for _, a := range cmd.Args[1:] {
		c.arg(a, s)
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return c.call(id, cmd.Args[1:], s)
	}
	return c.arg(cmd.Args[0], s)
}

func (c *checker) arg(n parse.Node, s scope) reflect.Type {
	switch n := n.(type) {
	case *parse.DotNode:
		return s.dot
	case *parse.FieldNode:
		return c.fields(n, s.dot, n.Ident)
	case *parse.VariableNode:
		t, ok := s.vars[n.Ident[0]]
		if !ok {
			c.errorf(n, "undefined variable %s", n.Ident[0])
			return nil
		}
		return c.fields(n, t, n.Ident[1:])
	case *parse.ChainNode:
		return c.fields(n, c.arg(n.Node, s), n.Field)
	case *parse.PipeNode:
		return c.pipe(n, s.with(s.dot))
	case *parse.StringNode:
		return reflect.TypeOf("")
	case *parse.BoolNode:
		return reflect.TypeOf(true)
	case *parse.NumberNode:
		return reflect.TypeOf(0)
	case *parse.IdentifierNode:
		return c.call(n, nil, s)
	}
	return nil
}

func (c *checker) call(id *parse.IdentifierNode, args []parse.Node, s scope) reflect.Type {
	if f, ok := funcs[id.Ident]; ok {
		ft := reflect.TypeOf(f)
		if ft.NumIn() != len(args) && !ft.IsVariadic() {
			c.errorf(id, "%s takes %d arguments, given %d", id.Ident, ft.NumIn(), len(args))
		}
		return ft.Out(0)
	}
	switch id.Ident {
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return reflect.TypeOf(true)
	case "len":
		return reflect.TypeOf(0)
	case "print", "printf", "println", "html", "js", "urlquery":
		return reflect.TypeOf("")
	case "index":
		if len(args) > 0 {
			_, e := rangeTypes(c.arg(args[0], s))
			return e
		}
		return nil
	case "and", "or", "slice", "call":
		return nil
	}
	c.errorf(id, "function %q not defined", id.Ident)
	return nil
}

// fields follows a chain of field and method names from t.
func (c *checker) fields(n parse.Node, t reflect.Type, names []string) reflect.Type {
	for _, name := range names {
		if t == nil || t.Kind() == reflect.Interface {
			return nil
		}
		if m, ok := t.MethodByName(name); ok {
			t = m.Type.Out(0)
			continue
		}
		if t.Kind() != reflect.Pointer {
			if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
				t = m.Type.Out(0)
				continue
			}
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			f, ok := t.FieldByName(name)
			if !ok || !f.IsExported() {
				c.errorf(n, "%s has no field or method %s", t, name)
				return nil
			}
			t = f.Type
		case reflect.Map:
			t = t.Elem()
		default:
			c.errorf(n, "cannot take .%s of %s", name, t)
			return nil
		}
	}
	return t
}
