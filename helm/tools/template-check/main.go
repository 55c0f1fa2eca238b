// A stand-in for `helm template` (helm cannot be installed here): Go text/template plus the sprig/helm
// functions this chart uses. Values come as JSON (already merged). Prints each template's output.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

func toFloat(v interface{}) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float64:
		return x
	case string:
		f, _ := strconv.ParseFloat(x, 64)
		return f
	case nil:
		return 0
	}
	panic(fmt.Sprintf("toFloat %T", v))
}
func toInt(v interface{}) int { return int(toFloat(v)) }

func empty(v interface{}) bool {
	if v == nil {
		return true
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return r.Len() == 0
	case reflect.Bool:
		return !r.Bool()
	case reflect.Int, reflect.Int64:
		return r.Int() == 0
	case reflect.Float64:
		return r.Float() == 0
	}
	return false
}

func yamlScalar(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		b, _ := json.Marshal(x)
		if x == "" || strings.ContainsAny(x, ":#{}[],&*!|>'\"%@`\n") || x == "true" || x == "false" || isNum(x) || strings.HasPrefix(x, " ") {
			return string(b)
		}
		return x
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprintf("%v", v)
}
func isNum(s string) bool { _, err := strconv.ParseFloat(s, 64); return err == nil }

func toYaml(v interface{}) string {
	var b strings.Builder
	writeYaml(&b, v, 0)
	return strings.TrimSuffix(b.String(), "\n")
}
func writeYaml(b *strings.Builder, v interface{}, ind int) {
	pad := strings.Repeat(" ", ind)
	switch x := v.(type) {
	case map[string]interface{}:
		if len(x) == 0 {
			b.WriteString(pad + "{}\n")
			return
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			val := x[k]
			switch c := val.(type) {
			case map[string]interface{}:
				if len(c) == 0 {
					b.WriteString(pad + yamlScalar(k) + ": {}\n")
				} else {
					b.WriteString(pad + yamlScalar(k) + ":\n")
					writeYaml(b, c, ind+2)
				}
			case []interface{}:
				if len(c) == 0 {
					b.WriteString(pad + yamlScalar(k) + ": []\n")
				} else {
					b.WriteString(pad + yamlScalar(k) + ":\n")
					writeYaml(b, c, ind)
				}
			default:
				b.WriteString(pad + yamlScalar(k) + ": " + yamlScalar(val) + "\n")
			}
		}
	case []interface{}:
		if len(x) == 0 {
			b.WriteString(pad + "[]\n")
			return
		}
		for _, item := range x {
			switch c := item.(type) {
			case map[string]interface{}, []interface{}:
				var inner strings.Builder
				writeYaml(&inner, c, ind+2)
				s := inner.String()
				b.WriteString(pad + "- " + strings.TrimPrefix(s, strings.Repeat(" ", ind+2)))
			default:
				b.WriteString(pad + "- " + yamlScalar(c) + "\n")
			}
		}
	default:
		b.WriteString(pad + yamlScalar(x) + "\n")
	}
}

func deepCopy(v interface{}) interface{} {
	b, _ := json.Marshal(v)
	var out interface{}
	_ = json.Unmarshal(b, &out)
	return out
}

func mergeInto(dst, src map[string]interface{}) {
	for k, v := range src {
		if dv, ok := dst[k]; ok {
			dm, ok1 := dv.(map[string]interface{})
			sm, ok2 := v.(map[string]interface{})
			if ok1 && ok2 {
				mergeInto(dm, sm)
			}
			continue
		}
		dst[k] = v
	}
}

func main() {
	chartDir, valuesFile := os.Args[1], os.Args[2]
	raw, err := os.ReadFile(valuesFile)
	if err != nil {
		panic(err)
	}
	var values map[string]interface{}
	if err := json.Unmarshal(raw, &values); err != nil {
		panic(err)
	}
	root := map[string]interface{}{
		"Values":  values,
		"Release": map[string]interface{}{"Name": "pcicloud-x", "Namespace": "pcicloud", "Service": "Helm"},
		"Chart":   map[string]interface{}{"Name": "pcicloud", "Version": "0.1.0", "AppVersion": "0.1.0"},
	}
	tpl := template.New("chart").Option("missingkey=zero")
	funcs := template.FuncMap{
		"include": func(string, interface{}) (string, error) { return "", nil },
		"required": func(msg string, v interface{}) (interface{}, error) {
			if v == nil || (reflect.ValueOf(v).Kind() == reflect.String && v.(string) == "") {
				return nil, errors.New("required: " + msg)
			}
			return v, nil
		},
		"fail":   func(msg string) (string, error) { return "", errors.New("fail: " + msg) },
		"toYaml": toYaml,
		"nindent": func(n int, s string) string {
			p := strings.Repeat(" ", n)
			return "\n" + p + strings.ReplaceAll(s, "\n", "\n"+p)
		},
		"indent": func(n int, s string) string {
			p := strings.Repeat(" ", n)
			return p + strings.ReplaceAll(s, "\n", "\n"+p)
		},
		"quote": func(v ...interface{}) string {
			out := []string{}
			for _, x := range v {
				if x != nil {
					out = append(out, strconv.Quote(fmt.Sprintf("%v", x)))
				}
			}
			return strings.Join(out, " ")
		},
		"dict": func(kv ...interface{}) map[string]interface{} {
			m := map[string]interface{}{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		},
		"list": func(v ...interface{}) []interface{} { return v },
		"default": func(d interface{}, v ...interface{}) interface{} {
			if len(v) == 0 || empty(v[0]) {
				return d
			}
			return v[0]
		},
		"int":  toInt,
		"add1": func(v interface{}) int { return toInt(v) + 1 },
		"sub":  func(a, b interface{}) int { return toInt(a) - toInt(b) },
		"div":  func(a, b interface{}) int { return toInt(a) / toInt(b) },
		"mod":  func(a, b interface{}) int { return toInt(a) % toInt(b) },
		"untilStep": func(start, stop, step int) []int {
			out := []int{}
			for i := start; i < stop; i += step {
				out = append(out, i)
			}
			return out
		},
		"ternary": func(a, b interface{}, c bool) interface{} {
			if c {
				return a
			}
			return b
		},
		"has": func(item interface{}, l []interface{}) bool {
			for _, x := range l {
				if reflect.DeepEqual(x, item) {
					return true
				}
			}
			return false
		},
		"hasKey": func(m map[string]interface{}, k string) bool { _, ok := m[k]; return ok },
		"trunc": func(n int, s string) string {
			if len(s) > n {
				return s[:n]
			}
			return s
		},
		"trimSuffix": func(suf, s string) string { return strings.TrimSuffix(s, suf) },
		"replace":    func(o, n, s string) string { return strings.ReplaceAll(s, o, n) },
		"contains":   func(sub, s string) bool { return strings.Contains(s, sub) },
		"deepCopy":   deepCopy,
		"merge": func(dst map[string]interface{}, srcs ...map[string]interface{}) map[string]interface{} {
			for _, s := range srcs {
				mergeInto(dst, s)
			}
			return dst
		},
		"concat": func(ls ...interface{}) []interface{} {
			out := []interface{}{}
			for _, l := range ls {
				if l == nil {
					continue
				}
				out = append(out, l.([]interface{})...)
			}
			return out
		},
	}
	tpl.Funcs(funcs)
	tpl.Funcs(template.FuncMap{"include": func(name string, data interface{}) (string, error) {
		var buf bytes.Buffer
		err := tpl.ExecuteTemplate(&buf, name, data)
		return buf.String(), err
	}})
	var files []string
	_ = filepath.Walk(filepath.Join(chartDir, "templates"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	for _, f := range files {
		src, _ := os.ReadFile(f)
		if _, err := tpl.New(f).Parse(string(src)); err != nil {
			fmt.Fprintln(os.Stderr, "PARSE", err)
			os.Exit(2)
		}
	}
	failed := false
	for _, f := range files {
		if strings.HasSuffix(f, ".tpl") {
			continue
		}
		var buf bytes.Buffer
		if err := tpl.ExecuteTemplate(&buf, f, root); err != nil {
			fmt.Fprintln(os.Stderr, "RENDER", f, err)
			failed = true
			continue
		}
		if strings.HasSuffix(f, "NOTES.txt") {
			fmt.Fprintf(os.Stderr, "NOTES:\n%s\n", buf.String())
			continue
		}
		out := strings.TrimSpace(buf.String())
		if out != "" {
			fmt.Printf("---\n# Source: %s\n%s\n", f, out)
		}
	}
	if failed {
		os.Exit(1)
	}
}
