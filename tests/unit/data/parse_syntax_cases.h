// Syntax and lexical error cases for parse_test.c: a source text and the first message
// Go prints for it (go1.19 `go tool compile`, reworded as Go 1.22: "expected" for
// "expecting"; imports after declarations, method names and import-path positions as
// Go 1.22 reports them; "unexpected name x" and "cannot use assignment x = 1" as Go 1.23).
// Generated from real Go; edit only with new oracle output.
// Each entry is CASE(name, source, "line:col: message").
// clang-format off
    CASE("after_top",
        "package main\n"
        "var x int y\n"
        "",
        "2:11: syntax error: unexpected name y after top level declaration"),
    CASE("args_nl",
        "package main\n"
        "func main() {\n"
        "\tf(a\n"
        "}\n"
        "",
        "3:5: syntax error: unexpected newline in argument list; possibly missing comma or )"),
    CASE("args_nl2",
        "package main\n"
        "func main() {\n"
        "\tf(a, b\n"
        "\tc)\n"
        "}\n"
        "",
        "3:8: syntax error: unexpected newline in argument list; possibly missing comma or )"),
    CASE("array_bad",
        "package main\n"
        "var x [3 int\n"
        "",
        "2:10: syntax error: unexpected name int, expected ]"),
    CASE("assign_eof",
        "package main\n"
        "func main() { x = \n"
        "",
        "3:1: syntax error: unexpected EOF, expected expression"),
    CASE("assign_op_bad",
        "package main\n"
        "func main() {\n"
        "\tx += \n"
        "}\n"
        "",
        "4:1: syntax error: unexpected }, expected expression"),
    CASE("at_char",
        "package main\n"
        "func main() {\n"
        "\tx := @\n"
        "}\n"
        "",
        "3:7: invalid character U+0040 '@'"),
    CASE("bad_composite_key",
        "package main\n"
        "var x = T{a: }\n"
        "",
        "2:14: syntax error: unexpected }, expected expression"),
    CASE("bad_type_param",
        "package main\n"
        "func f[](){}\n"
        "",
        "2:8: syntax error: empty type parameter list"),
    CASE("bin_bad",
        "package main\n"
        "var x = 0b102\n"
        "",
        "2:13: invalid digit '2' in binary literal"),
    CASE("block_rparen",
        "package main\n"
        "func main() {\n"
        "\t)\n"
        "}\n"
        "",
        "3:2: syntax error: unexpected ), expected }"),
    CASE("break_lit",
        "package main\n"
        "func main() {\n"
        "\tbreak 1\n"
        "}\n"
        "",
        "3:8: syntax error: unexpected literal 1 at end of statement"),
    CASE("call_semi",
        "package main\n"
        "func main() {\n"
        "\tf(;)\n"
        "}\n"
        "",
        "3:4: syntax error: unexpected semicolon, expected expression"),
    CASE("case_body_bad",
        "package main\n"
        "func f(x int) {\n"
        "\tswitch x {\n"
        "\tcase 1:\n"
        "\t\t)\n"
        "\t}\n"
        "}\n"
        "",
        "5:3: syntax error: unexpected ), expected case or default or }"),
    CASE("case_body_end",
        "package main\n"
        "func f(x int) {\n"
        "\tswitch x {\n"
        "\tcase 1:\n"
        "\t\tx y\n"
        "\t}\n"
        "}\n"
        "",
        "5:5: syntax error: unexpected name y at end of statement"),
    CASE("case_nocolon",
        "package main\n"
        "func f(x int) {\n"
        "\tswitch x {\n"
        "\tcase 1\n"
        "\t}\n"
        "}\n"
        "",
        "4:8: syntax error: unexpected newline, expected :"),
    CASE("chan_bad",
        "package main\n"
        "var c chan\n"
        "",
        "3:1: syntax error: missing channel element type"),
    CASE("colon_stmt",
        "package main\n"
        "func main() {\n"
        "\tx := 1:\n"
        "}\n"
        "",
        "3:8: syntax error: unexpected : at end of statement"),
    CASE("comment_eof",
        "package main\n"
        "/* abc\n"
        "",
        "2:1: comment not terminated"),
    CASE("complit_in_if",
        "package main\n"
        "type T struct{a int}\n"
        "func main() {\n"
        "\tvar x T\n"
        "\tif x == T{} {\n"
        "\t}\n"
        "}\n"
        "",
        "5:14: syntax error: unexpected { at end of statement"),
    CASE("complit_nl",
        "package main\n"
        "func main() {\n"
        "\tvar x = []int{1, 2\n"
        "\t}\n"
        "}\n"
        "",
        "3:20: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
    CASE("const_bad",
        "package main\n"
        "const x int = \n"
        "",
        "3:1: syntax error: unexpected EOF, expected expression"),
    CASE("defer_paren",
        "package main\n"
        "func main() {\n"
        "\tdefer (f())\n"
        "}\n"
        "",
        "3:8: expression in defer must not be parenthesized"),
    CASE("dot_nothing",
        "package main\n"
        "func main() {\n"
        "\tx.\n"
        "}\n"
        "",
        "4:1: syntax error: unexpected }, expected name or ("),
    CASE("ellipsis_nontype",
        "package main\n"
        "func f(a ...) {}\n"
        "",
        "2:13: syntax error: ... is missing type"),
    CASE("else_bad",
        "package main\n"
        "func main() {\n"
        "\tif true {\n"
        "\t} else for {\n"
        "\t}\n"
        "}\n"
        "",
        "4:9: syntax error: else must be followed by if or statement block"),
    CASE("else_nl",
        "package main\n"
        "func main() {\n"
        "\tif true {\n"
        "\t}\n"
        "\telse {\n"
        "\t}\n"
        "}\n"
        "",
        "5:2: syntax error: unexpected else, expected }"),
    CASE("elseif_nl",
        "package main\n"
        "func main() {\n"
        "\tif a {\n"
        "\t} else if b\n"
        "\t{\n"
        "\t}\n"
        "}\n"
        "",
        "4:13: syntax error: unexpected newline, expected { after if clause"),
    CASE("end_stmt",
        "package main\n"
        "func main() {\n"
        "\tx := 1 y\n"
        "}\n"
        "",
        "3:9: syntax error: unexpected name y at end of statement"),
    CASE("eof_block",
        "package main\n"
        "func main() {\n"
        "\tx := 1\n"
        "",
        "4:1: syntax error: unexpected EOF, expected }"),
    CASE("esc_bad",
        "package main\n"
        "var x = \"\\z\"\n"
        "",
        "2:11: unknown escape"),
    CASE("esc_hex_bad",
        "package main\n"
        "var x = \"\\xg0\"\n"
        "",
        "2:12: invalid character 'g' in hexadecimal escape"),
    CASE("esc_oct_big",
        "package main\n"
        "var x = \"\\400\"\n"
        "",
        "2:14: octal escape value 256 > 255"),
    CASE("esc_u_surr",
        "package main\n"
        "var x = \"\\uD800\"\n"
        "",
        "2:16: escape is invalid Unicode code point U+D800"),
    CASE("exp_empty",
        "package main\n"
        "var x = 1e\n"
        "",
        "2:11: exponent has no digits"),
    CASE("extra_rbrace",
        "package main\n"
        "func main() {\n"
        "}\n"
        "}\n"
        "",
        "4:1: syntax error: non-declaration statement outside function body"),
    CASE("extra_rparen",
        "package main\n"
        "func main() {\n"
        "\tf())\n"
        "}\n"
        "",
        "3:5: syntax error: unexpected ) at end of statement"),
    CASE("fallthrough_arg",
        "package main\n"
        "func main() {\n"
        "\tfallthrough x\n"
        "}\n"
        "",
        "3:14: syntax error: unexpected name x at end of statement"),
    CASE("for_cond_missing",
        "package main\n"
        "func main() {\n"
        "\tfor i := 0; {\n"
        "\t}\n"
        "}\n"
        "",
        "3:14: syntax error: unexpected {, expected for loop condition"),
    CASE("for_first_bad",
        "package main\n"
        "func main() {\n"
        "\tfor x z {\n"
        "\t}\n"
        "}\n"
        "",
        "3:8: syntax error: unexpected name z, expected {"),
    CASE("for_nl",
        "package main\n"
        "func main() {\n"
        "\tfor i := 0; i < 3; i++\n"
        "\t{\n"
        "\t}\n"
        "}\n"
        "",
        "3:24: syntax error: unexpected newline, expected { after for clause"),
    CASE("for_post_decl",
        "package main\n"
        "func main() {\n"
        "\tfor i := 0; i < 3; j := 1 {\n"
        "\t}\n"
        "}\n"
        "",
        "3:23: syntax error: cannot declare in post statement of for loop"),
    CASE("for_two_clause",
        "package main\n"
        "func main() {\n"
        "\tfor i := 0; i < 10 {\n"
        "\t}\n"
        "}\n"
        "",
        "3:21: syntax error: unexpected {, expected semicolon or newline"),
    CASE("func_after_top",
        "package main\n"
        "func f() {} x\n"
        "",
        "2:13: syntax error: unexpected name x after top level declaration"),
    CASE("func_lit_bad",
        "package main\n"
        "func main() {\n"
        "\tf := func() {\n"
        "}\n"
        "",
        "5:1: syntax error: unexpected EOF, expected }"),
    CASE("func_nl_brace",
        "package main\n"
        "func main()\n"
        "{\n"
        "}\n"
        "",
        "3:1: syntax error: unexpected semicolon or newline before {"),
    CASE("func_noname",
        "package main\n"
        "func 1() {}\n"
        "",
        "2:6: syntax error: unexpected literal 1, expected name or ("),
    CASE("func_type_bad",
        "package main\n"
        "var f func(int\n"
        "",
        "2:15: syntax error: unexpected newline in parameter list; possibly missing comma or )"),
    CASE("goto_noname",
        "package main\n"
        "func main() {\n"
        "\tgoto 1\n"
        "}\n"
        "",
        "3:7: syntax error: unexpected literal 1, expected name"),
    CASE("group_bad",
        "package main\n"
        "var (\n"
        "\ta int b\n"
        ")\n"
        "",
        "3:8: syntax error: unexpected name b in grouped declaration; possibly missing semicolon or newline or )"),
    CASE("hash_char",
        "package main\n"
        "#\n"
        "",
        "2:1: invalid character U+0023 '#'"),
    CASE("hex_empty",
        "package main\n"
        "var x = 0x\n"
        "",
        "2:11: hexadecimal literal has no digits"),
    CASE("hex_float",
        "package main\n"
        "var x = 0x1.8\n"
        "",
        "2:14: hexadecimal mantissa requires a 'p' exponent"),
    CASE("ident_digit",
        "package main\n"
        "var \331\241x int\n"
        "",
        "2:5: identifier cannot begin with digit U+0661 '١'"),
    CASE("if_assign",
        "package main\n"
        "func main() {\n"
        "\tif x = 1 {\n"
        "\t}\n"
        "}\n"
        "",
        "3:7: syntax error: cannot use assignment x = 1 as value"),
    CASE("if_define",
        "package main\n"
        "func main() {\n"
        "\tif x := 1 {\n"
        "\t}\n"
        "}\n"
        "",
        "3:7: syntax error: cannot use x := 1 as value"),
    CASE("if_first_bad",
        "package main\n"
        "func main() {\n"
        "\tif x z {\n"
        "\t}\n"
        "}\n"
        "",
        "3:7: syntax error: unexpected name z, expected {"),
    CASE("if_missing_cond",
        "package main\n"
        "func main() {\n"
        "\tif {\n"
        "\t}\n"
        "}\n"
        "",
        "3:5: syntax error: missing condition in if statement"),
    CASE("if_nl",
        "package main\n"
        "func main() {\n"
        "\tif x == 1\n"
        "\t{\n"
        "\t}\n"
        "}\n"
        "",
        "3:11: syntax error: unexpected newline, expected { after if clause"),
    CASE("if_second_bad",
        "package main\n"
        "func main() {\n"
        "\tif x := 1; x z {\n"
        "\t}\n"
        "}\n"
        "",
        "3:15: syntax error: unexpected name z, expected { after if clause"),
    CASE("if_semi_missing_cond",
        "package main\n"
        "func main() {\n"
        "\tif x := 1; {\n"
        "\t}\n"
        "}\n"
        "",
        "3:11: syntax error: missing condition in if statement"),
    CASE("iface_bad",
        "package main\n"
        "type T interface {\n"
        "\tM() int x\n"
        "}\n"
        "",
        "3:10: syntax error: unexpected name x in interface type; possibly missing semicolon or newline or }"),
    CASE("iface_eof",
        "package main\n"
        "type T interface {\n"
        "",
        "3:1: syntax error: unexpected EOF, expected }"),
    CASE("import_after",
        "package main\n"
        "var x int\n"
        "import \"fmt\"\n"
        "",
        "3:1: syntax error: imports must appear before other declarations"),
    CASE("import_int",
        "package main\n"
        "import 42\n"
        "",
        "2:8: syntax error: import path must be a string"),
    CASE("import_noPath",
        "package main\n"
        "import fmt\n"
        "",
        "2:11: syntax error: missing import path"),
    CASE("incdec_in_for",
        "package main\n"
        "func main() {\n"
        "\tfor x++ {\n"
        "\t}\n"
        "}\n"
        "",
        "3:7: syntax error: cannot use x++ as value"),
    CASE("index_bad",
        "package main\n"
        "func main() {\n"
        "\tx := a[1 2]\n"
        "}\n"
        "",
        "3:11: syntax error: unexpected literal 2, expected comma, : or ]"),
    CASE("keyval_bad",
        "package main\n"
        "var m = map[string]int{\"a\" 1}\n"
        "",
        "2:28: syntax error: unexpected literal 1 in composite literal; possibly missing comma or }"),
    CASE("label_eof",
        "package main\n"
        "func main() {\n"
        "L:\n"
        "",
        "3:2: syntax error: missing statement after label"),
    CASE("list_nocomma",
        "package main\n"
        "func main() {\n"
        "\ta, b\n"
        "}\n"
        "",
        "3:6: syntax error: unexpected newline, expected := or = or comma"),
    CASE("lit_end",
        "package main\n"
        "func main() {\n"
        "\tx := 42 43\n"
        "}\n"
        "",
        "3:10: syntax error: unexpected literal 43 at end of statement"),
    CASE("map_bad",
        "package main\n"
        "var m map[string int\n"
        "",
        "2:18: syntax error: unexpected name int, expected ]"),
    CASE("map_lit_key_missing",
        "package main\n"
        "var m = map[string]int{: 1}\n"
        "",
        "2:24: syntax error: unexpected :, expected expression"),
    CASE("method_no_recv",
        "package main\n"
        "func () M() {}\n"
        "",
        "2:9: method has no receiver"),
    CASE("method_noname",
        "package main\n"
        "func (x T) 1() {}\n"
        "",
        "2:12: syntax error: unexpected literal 1, expected name"),
    CASE("method_two_recv",
        "package main\n"
        "func (a, b T) M() {}\n"
        "",
        "2:15: method has multiple receivers"),
    CASE("missing_rparen_call",
        "package main\n"
        "func main() {\n"
        "\tfmt.Println(\"a\"\n"
        "}\n"
        "",
        "3:17: syntax error: unexpected newline in argument list; possibly missing comma or )"),
    CASE("no_pkg",
        "func main() {}\n"
        "",
        "1:1: syntax error: package statement must be first"),
    CASE("nul",
        "package main\n"
        "var x\000 int\n"
        "",
        "2:6: invalid NUL character"),
    CASE("oct_radix",
        "package main\n"
        "var x = 0o1.5\n"
        "",
        "2:12: invalid radix point in octal literal"),
    CASE("octal_bad",
        "package main\n"
        "var x = 09\n"
        "",
        "2:10: invalid digit '9' in octal literal"),
    CASE("params_bad",
        "package main\n"
        "func f(a int b) {}\n"
        "",
        "2:14: syntax error: unexpected name b in parameter list; possibly missing comma or )"),
    CASE("params_mixed",
        "package main\n"
        "func f(a int, string) {}\n"
        "",
        "2:15: syntax error: mixed named and unnamed parameters"),
    CASE("params_mixed2",
        "package main\n"
        "func f(a, b int, []string) {}\n"
        "",
        "2:18: syntax error: mixed named and unnamed parameters"),
    CASE("params_nl",
        "package main\n"
        "func f(a int\n"
        ") {}\n"
        "",
        "2:13: syntax error: unexpected newline in parameter list; possibly missing comma or )"),
    CASE("paren_bad",
        "package main\n"
        "func main() {\n"
        "\tx := (1 2)\n"
        "}\n"
        "",
        "3:10: syntax error: unexpected literal 2, expected )"),
    CASE("paren_complit",
        "package main\n"
        "type T struct{}\n"
        "func main() {\n"
        "\t_ = (T){}\n"
        "}\n"
        "",
        "4:9: syntax error: cannot parenthesize type in composite literal"),
    CASE("pexp",
        "package main\n"
        "var x = 1p4\n"
        "",
        "2:10: 'p' exponent requires hexadecimal mantissa"),
    CASE("pkg_noname",
        "package\n"
        "",
        "2:1: syntax error: unexpected EOF, expected name"),
    CASE("pkg_two",
        "package main foo\n"
        "",
        "1:14: syntax error: unexpected name foo, expected semicolon or newline"),
    CASE("plus_rbrace",
        "package main\n"
        "func main() {\n"
        "\tx := 1 +\n"
        "}\n"
        "",
        "4:1: syntax error: unexpected }, expected expression"),
    CASE("range_bad",
        "package main\n"
        "func main() {\n"
        "\tfor range {\n"
        "\t}\n"
        "}\n"
        "",
        "3:12: syntax error: unexpected {, expected expression"),
    CASE("raw_eof",
        "package main\n"
        "var s = `abc\n"
        "",
        "2:9: string not terminated"),
    CASE("result_bad",
        "package main\n"
        "func f() (int {\n"
        "}\n"
        "",
        "2:15: syntax error: unexpected { in parameter list; possibly missing comma or )"),
    CASE("return_bad",
        "package main\n"
        "func main() {\n"
        "\treturn )\n"
        "}\n"
        "",
        "3:9: syntax error: unexpected ), expected expression"),
    CASE("rune_empty",
        "package main\n"
        "func main() {\n"
        "\tc := ''\n"
        "\t_ = c\n"
        "}\n"
        "",
        "3:8: empty rune literal or unescaped '"),
    CASE("rune_eof",
        "package main\n"
        "var s = 'a",
        "2:9: rune literal not terminated"),
    CASE("rune_esc_bad",
        "package main\n"
        "var x = '\\q'\n"
        "",
        "2:11: unknown escape"),
    CASE("rune_multi",
        "package main\n"
        "func main() {\n"
        "\tc := 'ab'\n"
        "\t_ = c\n"
        "}\n"
        "",
        "3:7: more than one character in rune literal"),
    CASE("rune_nl",
        "package main\n"
        "func main() {\n"
        "\tc := 'a\n"
        "\t_ = c\n"
        "}\n"
        "",
        "3:9: newline in rune literal"),
    CASE("select_bad",
        "package main\n"
        "func main() {\n"
        "\tselect {\n"
        "\tx\n"
        "\t}\n"
        "}\n"
        "",
        "4:2: syntax error: unexpected name x, expected case or default or }"),
    CASE("semi_in_args",
        "package main\n"
        "func main() {\n"
        "\tf(a; b)\n"
        "}\n"
        "",
        "3:5: syntax error: unexpected semicolon in argument list; possibly missing comma or )"),
    CASE("send_in_if",
        "package main\n"
        "func main() {\n"
        "\tif c <- 1 {\n"
        "\t}\n"
        "}\n"
        "",
        "3:7: syntax error: cannot use c <- 1 as value"),
    CASE("sep_bad",
        "package main\n"
        "var x = 1__0\n"
        "",
        "2:11: '_' must separate successive digits"),
    CASE("sep_bad2",
        "package main\n"
        "var x = 10_\n"
        "",
        "2:11: '_' must separate successive digits"),
    CASE("slice3_final",
        "package main\n"
        "func main() {\n"
        "\tx := a[1:2:]\n"
        "}\n"
        "",
        "3:13: final index required in 3-index slice"),
    CASE("slice3_mid",
        "package main\n"
        "func main() {\n"
        "\tx := a[1::3]\n"
        "}\n"
        "",
        "3:11: middle index required in 3-index slice"),
    CASE("slice_bad",
        "package main\n"
        "func main() {\n"
        "\tx := a[1:2 3]\n"
        "}\n"
        "",
        "3:13: syntax error: unexpected literal 3, expected ]"),
    CASE("str_eof",
        "package main\n"
        "var s = \"abc",
        "2:9: string not terminated"),
    CASE("string_nl",
        "package main\n"
        "func main() {\n"
        "\ts := \"abc\n"
        "\t_ = s\n"
        "}\n"
        "",
        "3:11: newline in string"),
    CASE("struct_bad",
        "package main\n"
        "type T struct {\n"
        "\ta int b\n"
        "}\n"
        "",
        "3:8: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }"),
    CASE("struct_eof",
        "package main\n"
        "type T struct {\n"
        "\ta int\n"
        "",
        "4:1: syntax error: unexpected EOF, expected }"),
    CASE("switch_bad_case",
        "package main\n"
        "func main() {\n"
        "\tswitch x {\n"
        "\tfoo\n"
        "\t}\n"
        "}\n"
        "",
        "4:2: syntax error: unexpected name foo, expected case or default or }"),
    CASE("switch_first_bad",
        "package main\n"
        "func main() {\n"
        "\tswitch x z {\n"
        "\t}\n"
        "}\n"
        "",
        "3:11: syntax error: unexpected name z, expected {"),
    CASE("switch_missing_brace",
        "package main\n"
        "func main() {\n"
        "\tswitch x; y z {\n"
        "\t}\n"
        "}\n"
        "",
        "3:14: syntax error: missing { after switch clause"),
    CASE("top_call",
        "package main\n"
        "fmt.Println(1)\n"
        "",
        "2:1: syntax error: non-declaration statement outside function body"),
    CASE("top_stmt",
        "package main\n"
        "x := 1\n"
        "",
        "2:1: syntax error: non-declaration statement outside function body"),
    CASE("type_missing",
        "package main\n"
        "type T\n"
        "",
        "2:7: syntax error: unexpected newline in type declaration"),
    CASE("type_noname",
        "package main\n"
        "type 1 int\n"
        "",
        "2:6: syntax error: unexpected literal 1, expected name"),
    CASE("typeassert_bad",
        "package main\n"
        "func main() {\n"
        "\tx.(1)\n"
        "}\n"
        "",
        "3:5: syntax error: unexpected literal 1, expected type"),
    CASE("unclosed_paren_eof",
        "package main\n"
        "func main() {\n"
        "\tf(1,\n"
        "",
        "4:1: syntax error: unexpected EOF, expected )"),
    CASE("unicode_ident_bad",
        "package main\n"
        "var x\302\267y int\n"
        "",
        "2:6: invalid character U+00B7 '·' in identifier"),
    CASE("var_define",
        "package main\n"
        "var x := 1\n"
        "",
        "2:7: syntax error: unexpected :=, expected ="),
    CASE("var_noname",
        "package main\n"
        "var 1 int\n"
        "",
        "2:5: syntax error: unexpected literal 1, expected name"),
    CASE("var_notype",
        "package main\n"
        "func main() {\n"
        "\tvar x\n"
        "}\n"
        "",
        "3:7: syntax error: unexpected newline, expected type"),
    CASE("var_paren_eof",
        "package main\n"
        "var (\n"
        "\ta int\n"
        "",
        "4:1: syntax error: unexpected EOF, expected )"),
    CASE("array_len_bad",
        "package main\n"
        "var a [5\n"
        "",
        "2:9: syntax error: unexpected newline, expected ]"),
    CASE("assign_op_list",
        "package main\n"
        "func main() {\n"
        "\ta, b += 1\n"
        "}\n"
        "",
        "3:7: syntax error: unexpected +=, expected := or = or comma"),
    CASE("bad_hex_point",
        "package main\n"
        "var x = 0x.p1\n"
        "",
        "2:12: hexadecimal literal has no digits"),
    CASE("call_kw",
        "package main\n"
        "func main() {\n"
        "\tf(if)\n"
        "}\n"
        "",
        "3:4: syntax error: unexpected if, expected expression"),
    CASE("chan_recv_recv",
        "package main\n"
        "var c chan<- chan\n"
        "",
        "3:1: syntax error: missing channel element type"),
    CASE("chan_send_dir_bad",
        "package main\n"
        "var c <-int\n"
        "",
        "2:9: syntax error: unexpected name int, expected chan"),
    CASE("complit_elided_bad",
        "package main\n"
        "var x = []T{{1, 2} {3}}\n"
        "",
        "2:20: syntax error: unexpected { in composite literal; possibly missing comma or }"),
    CASE("const_group_bad",
        "package main\n"
        "const (\n"
        "\ta = iota b\n"
        ")\n"
        "",
        "3:11: syntax error: unexpected name b in grouped declaration; possibly missing semicolon or newline or )"),
    CASE("default_nocolon",
        "package main\n"
        "func main() {\n"
        "\tswitch {\n"
        "\tdefault\n"
        "\t}\n"
        "}\n"
        "",
        "5:2: syntax error: unexpected }, expected :"),
    CASE("defer_bad",
        "package main\n"
        "func main() {\n"
        "\tdefer\n"
        "}\n"
        "",
        "4:1: syntax error: unexpected }, expected expression"),
    CASE("double_comma",
        "package main\n"
        "func main() {\n"
        "\tf(1,,2)\n"
        "}\n"
        "",
        "3:6: syntax error: unexpected comma, expected expression"),
    CASE("eq_in_cond",
        "package main\n"
        "func main() {\n"
        "\tfor x = 1 {\n"
        "\t}\n"
        "}\n"
        "",
        "3:8: syntax error: cannot use assignment x = 1 as value"),
    CASE("explicit_semi_if",
        "package main\n"
        "func main() {\n"
        "\tif x; {\n"
        "\t}\n"
        "}\n"
        "",
        "3:6: syntax error: missing condition in if statement"),
    CASE("exponent_bin",
        "package main\n"
        "var x = 0b1e3\n"
        "",
        "2:12: 'e' exponent requires decimal mantissa"),
    CASE("float_forms",
        "package main\n"
        "var a, b, c, d, e = 1., .5, 1e3, 0x1p-2, 1_000.000_1\n"
        "var f = 0X1P+2i\n"
        "var g = 0o17\n"
        "var h = 0b1010\n"
        "var i = 017\n"
        "var j = 1__2\n"
        "",
        "7:11: '_' must separate successive digits"),
    CASE("for3_nl",
        "package main\n"
        "func main() {\n"
        "\tfor i := 0; i < 3; i++ {\n"
        "\t}\n"
        "\tfor i := 0; i < 3; i++\n"
        "\t{\n"
        "\t}\n"
        "}\n"
        "",
        "5:24: syntax error: unexpected newline, expected { after for clause"),
    CASE("for_cond_bad",
        "package main\n"
        "func main() {\n"
        "\tfor x < 3 z {\n"
        "\t}\n"
        "}\n"
        "",
        "3:12: syntax error: unexpected name z, expected {"),
    CASE("func_lit_args",
        "package main\n"
        "func main() {\n"
        "\tgo func(x int) {\n"
        "\t}(1 2)\n"
        "}\n"
        "",
        "4:6: syntax error: unexpected literal 2 in argument list; possibly missing comma or )"),
    CASE("func_result_list_bad",
        "package main\n"
        "func f() (a int b int) {}\n"
        "",
        "2:17: syntax error: unexpected name b in parameter list; possibly missing comma or )"),
    CASE("ident_emoji",
        "package main\n"
        "var x\360\237\230\200 int\n"
        "",
        "2:6: invalid character U+1F600 '😀' in identifier"),
    CASE("if_else_if_nl",
        "package main\n"
        "func main() {\n"
        "\tif a {\n"
        "\t} else if b\n"
        "\t{\n"
        "\t}\n"
        "}\n"
        "",
        "4:13: syntax error: unexpected newline, expected { after if clause"),
    CASE("import_group_bad",
        "package main\n"
        "import (\n"
        "\t\"fmt\" \"os\"\n"
        ")\n"
        "",
        "3:8: syntax error: unexpected literal \"os\" in grouped declaration; possibly missing semicolon or newline or )"),
    CASE("inc_list",
        "package main\n"
        "func main() {\n"
        "\ta, b++\n"
        "}\n"
        "",
        "3:6: syntax error: unexpected ++, expected := or = or comma"),
    CASE("index_nl",
        "package main\n"
        "func main() {\n"
        "\t_ = a[1\n"
        "\t]\n"
        "}\n"
        "",
        "3:9: syntax error: unexpected newline, expected comma, : or ]"),
    CASE("interface_method_bad",
        "package main\n"
        "type I interface {\n"
        "\tM(\n"
        "}\n"
        "",
        "4:1: syntax error: unexpected }, expected )"),
    CASE("label_rparen",
        "package main\n"
        "func main() {\n"
        "L:\n"
        "\t)\n"
        "}\n"
        "",
        "3:2: syntax error: missing statement after label"),
    CASE("map_type_bad",
        "package main\n"
        "var m map[string]\n"
        "",
        "2:18: syntax error: unexpected newline, expected type"),
    CASE("method_recv_bad",
        "package main\n"
        "func (t T M() {}\n"
        "",
        "2:11: syntax error: unexpected name M in parameter list; possibly missing comma or )"),
    CASE("nested_complit",
        "package main\n"
        "var x = [][]int{{1, 2}, {3 4}}\n"
        "",
        "2:28: syntax error: unexpected literal 4 in composite literal; possibly missing comma or }"),
    CASE("paren_nl",
        "package main\n"
        "func main() {\n"
        "\t_ = (1\n"
        "\t)\n"
        "}\n"
        "",
        "3:8: syntax error: unexpected newline, expected )"),
    CASE("range_bad",
        "package main\n"
        "func main() {\n"
        "\tfor _, x := range y z {\n"
        "\t}\n"
        "}\n"
        "",
        "3:22: syntax error: unexpected name z, expected { after for clause"),
    CASE("range_nl",
        "package main\n"
        "func main() {\n"
        "\tfor _, x := range y\n"
        "\t{\n"
        "\t}\n"
        "}\n"
        "",
        "3:21: syntax error: unexpected newline, expected { after for clause"),
    CASE("return_list_bad",
        "package main\n"
        "func f() (int, int) {\n"
        "\treturn 1, 2 3\n"
        "}\n"
        "",
        "3:14: syntax error: unexpected literal 3 at end of statement"),
    CASE("rune_esc_x",
        "package main\n"
        "var r = '\\xff'\n"
        "var q = '\\400'\n"
        "",
        "3:14: octal escape value 256 > 255"),
    CASE("select_case_bad",
        "package main\n"
        "func main() {\n"
        "\tselect {\n"
        "\tcase x := <-c\n"
        "\t}\n"
        "}\n"
        "",
        "4:15: syntax error: unexpected newline, expected :"),
    CASE("select_end",
        "package main\n"
        "func main() {\n"
        "\tselect {\n"
        "\tcase <-c:\n"
        "\t\tx y\n"
        "\t}\n"
        "}\n"
        "",
        "5:5: syntax error: unexpected name y at end of statement"),
    CASE("str_esc_U_big",
        "package main\n"
        "var s = \"\\U00110000\"\n"
        "",
        "2:20: escape is invalid Unicode code point U+110000"),
    CASE("str_esc_u_bad",
        "package main\n"
        "var s = \"\\u12\"\n"
        "",
        "2:14: invalid character '\"' in hexadecimal escape"),
    CASE("struct_lit_bad",
        "package main\n"
        "type T struct{a, b int}\n"
        "var x = T{a: 1 b: 2}\n"
        "",
        "3:16: syntax error: unexpected name b in composite literal; possibly missing comma or }"),
    CASE("switch_nl",
        "package main\n"
        "func main() {\n"
        "\tswitch x := 1; x\n"
        "\t{\n"
        "\t}\n"
        "}\n"
        "",
        "3:18: syntax error: missing { after switch clause"),
    CASE("type_switch_bad",
        "package main\n"
        "func main() {\n"
        "\tswitch x := y.(type) z {\n"
        "\t}\n"
        "}\n"
        "",
        "3:23: syntax error: unexpected name z, expected {"),
    CASE("unary_eof",
        "package main\n"
        "func main() {\n"
        "\tx := -\n"
        "",
        "4:1: syntax error: unexpected EOF, expected expression"),
    CASE("underscore_end_float",
        "package main\n"
        "var x = 1_.5\n"
        "",
        "2:10: '_' must separate successive digits"),
    CASE("var_group_eof2",
        "package main\n"
        "var (\n"
        "\ta = 1\n"
        "\tb\n"
        ")\n"
        "",
        "4:3: syntax error: unexpected newline, expected type"),
    CASE("zero_x_underscore",
        "package main\n"
        "var x = 0x_1\n"
        "var y = 0_x\n"
        "",
        "3:10: '_' must separate successive digits"),
    CASE("array_comma",
        "package main\n"
        "var a [3, ]int\n"
        "",
        "2:9: syntax error: unexpected comma; expected ]"),
    CASE("case_no_semi",
        "package main\n"
        "func f(x int) {\n"
        "\tswitch x {\n"
        "\tcase 1: f(1) case 2:\n"
        "\t}\n"
        "}\n"
        "",
        "4:15: syntax error: unexpected case at end of statement"),
    CASE("chan_complit",
        "package main\n"
        "func main() {\n"
        "\t_ = make(chan structvar {})\n"
        "}\n"
        "",
        "3:26: syntax error: unexpected { in argument list; possibly missing comma or )"),
    CASE("conv_noargs_nl",
        "package main\n"
        "func main() {\n"
        "\tch := make(chan int( )\n"
        "}\n"
        "",
        "3:24: syntax error: unexpected newline in argument list; possibly missing comma or )"),
    CASE("func_noparen",
        "package main\n"
        "func main() {\n"
        "\tf := func x\n"
        "}\n"
        "",
        "3:12: syntax error: unexpected name x, expected ("),
    CASE("iface_term_bad",
        "package main\n"
        "type I interface {\n"
        "\t{\n"
        "}\n"
        "",
        "3:2: syntax error: unexpected {, expected ~ term or type"),
    CASE("iface_union_end",
        "package main\n"
        "type I interface {\n"
        "\t~int |\n"
        "}\n"
        "",
        "4:1: syntax error: unexpected }, expected ~ term or type"),
    CASE("import_group_bad2",
        "package main\n"
        "import (\n"
        "\t\"fmt\"\n"
        "\n"
        "func main() {}\n"
        "",
        "5:1: syntax error: missing import path"),
    CASE("index_empty",
        "package main\n"
        "func main() {\n"
        "\tx := a[]\n"
        "}\n"
        "",
        "3:9: syntax error: unexpected ], expected operand"),
    CASE("lit_brace_stmt",
        "package main\n"
        "func main() {\n"
        "\tj := 1\n"
        "\tj == 2 {\n"
        "\t}\n"
        "}\n"
        "",
        "4:9: syntax error: unexpected { at end of statement"),
    CASE("map_dot",
        "package main\n"
        "var m = map.x\n"
        "",
        "2:12: syntax error: unexpected ., expected ["),
    CASE("method_tparams",
        "package main\n"
        "type T int\n"
        "func (t T) M[P any]() {}\n"
        "",
        "3:13: syntax error: method must have no type parameters"),
    CASE("multi_recv",
        "package main\n"
        "func (a, b int) M() {}\n"
        "",
        "2:17: method has multiple receivers"),
    CASE("qualified_bad",
        "package main\n"
        "func f(a sync.for) {}\n"
        "",
        "2:15: syntax error: unexpected for, expected name"),
    CASE("recv_paren_type",
        "package main\n"
        "func ( main() {\n"
        "}\n"
        "",
        "2:13: syntax error: unexpected ), expected type"),
    CASE("select_list_bad",
        "package main\n"
        "func f(c chan int) {\n"
        "\tselect {\n"
        "\tcase a, b if:\n"
        "\t}\n"
        "}\n"
        "",
        "4:12: syntax error: unexpected if, expected := or = or comma"),
    CASE("select_no_brace",
        "package main\n"
        "func main() {\n"
        "\tselect x {\n"
        "\t}\n"
        "}\n"
        "",
        "3:9: syntax error: missing { after select clause"),
    CASE("struct_expr",
        "package main\n"
        "func main() {\n"
        "\ts := struct.Sprint(1)\n"
        "}\n"
        "",
        "3:13: syntax error: unexpected ., expected {"),
    CASE("struct_field_type_bad",
        "package main\n"
        "type T struct {\n"
        "\tA )\n"
        "}\n"
        "",
        "3:4: syntax error: unexpected ), expected type"),
    CASE("struct_names_bad",
        "package main\n"
        "type T struct {\n"
        "\ta, b, ; int\n"
        "}\n"
        "",
        "3:8: syntax error: unexpected semicolon, expected name"),
    CASE("syntax_args",
        "package main\n"
        "\n"
        "import \"fmt\"\n"
        "\n"
        "// A call whose argument list runs into the end of the line.\n"
        "func main() {\n"
        "\tfmt.Println(\"a\" // ERROR \"unexpected newline in argument list; possibly missing comma or \\)\"\n"
        "}\n"
        "",
        "7:94: syntax error: unexpected newline in argument list; possibly missing comma or )"),
    CASE("syntax_complit_comma",
        "package main\n"
        "\n"
        "// A composite literal split over lines needs a comma after its last element.\n"
        "func main() {\n"
        "\tx := []int{\n"
        "\t\t1,\n"
        "\t\t2 // ERROR \"unexpected newline in composite literal; possibly missing comma or \\}\"\n"
        "\t}\n"
        "\t_ = x\n"
        "}\n"
        "",
        "7:85: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
    CASE("syntax_complit_in_if",
        "package main\n"
        "\n"
        "type point struct{ x, y int }\n"
        "\n"
        "// In an if header a '{' after a type name opens the body: parenthesize the literal.\n"
        "func main() {\n"
        "\tp := point{1, 2}\n"
        "\tif p == point{1, 2} { // ERROR \"unexpected }, expected := or = or comma\"\n"
        "\t}\n"
        "}\n"
        "",
        "8:20: syntax error: unexpected }, expected := or = or comma"),
    CASE("syntax_else",
        "package main\n"
        "\n"
        "// else takes an if statement or a block.\n"
        "func main() {\n"
        "\tif true {\n"
        "\t} else for { // ERROR \"else must be followed by if or statement block\"\n"
        "\t}\n"
        "}\n"
        "",
        "6:9: syntax error: else must be followed by if or statement block"),
    CASE("syntax_end_of_statement",
        "package main\n"
        "\n"
        "// Two expressions on one line need a semicolon between them.\n"
        "func main() {\n"
        "\tx := 1 y // ERROR \"unexpected (name )?y at end of statement\"\n"
        "\t_ = x\n"
        "}\n"
        "",
        "5:9: syntax error: unexpected name y at end of statement"),
    CASE("syntax_eof",
        "package main\n"
        "\n"
        "// An unclosed block: Go reports the end of the file.\n"
        "func main() {\n"
        "\tfor {\n"
        "\t}\n"
        "// ERROR \"unexpected EOF, expected }\"",
        "7:38: syntax error: unexpected EOF, expected }"),
    CASE("syntax_for_cond",
        "package main\n"
        "\n"
        "// A three-clause for loop with its condition and post statement missing.\n"
        "func main() {\n"
        "\tfor i := 0; { // ERROR \"unexpected \\{, expected for loop condition\"\n"
        "\t\t_ = i\n"
        "\t}\n"
        "}\n"
        "",
        "5:14: syntax error: unexpected {, expected for loop condition"),
    CASE("syntax_func_brace",
        "package main\n"
        "\n"
        "// The opening brace of a function body must be on the line of the signature.\n"
        "func main()\n"
        "{ // ERROR \"unexpected semicolon or newline before \\{\"\n"
        "}\n"
        "",
        "5:1: syntax error: unexpected semicolon or newline before {"),
    CASE("syntax_if_newline",
        "package main\n"
        "\n"
        "// The body of an if must start on the line of the condition.\n"
        "func main() {\n"
        "\tx := 1\n"
        "\tif x == 1 // ERROR \"unexpected newline, expected \\{ after if clause\"\n"
        "\t{\n"
        "\t}\n"
        "}\n"
        "",
        "6:70: syntax error: unexpected newline, expected { after if clause"),
    CASE("syntax_invalid_char",
        "package main\n"
        "\n"
        "// '@' is not a Go token.\n"
        "func main() {\n"
        "\tx := 1 @ 2 // ERROR \"invalid character U\\+0040 '@'\"\n"
        "\t_ = x\n"
        "}\n"
        "",
        "5:9: invalid character U+0040 '@'"),
    CASE("syntax_octal",
        "package main\n"
        "\n"
        "// A leading 0 makes an octal literal.\n"
        "func main() {\n"
        "\tx := 09 // ERROR \"invalid digit '9' in octal literal\"\n"
        "\t_ = x\n"
        "}\n"
        "",
        "5:8: invalid digit '9' in octal literal"),
    CASE("syntax_params",
        "package main\n"
        "\n"
        "// A parameter list left open.\n"
        "func f(a int { // ERROR \"unexpected \\{ in parameter list; possibly missing comma or \\)\"\n"
        "}\n"
        "\n"
        "func main() {}\n"
        "",
        "4:14: syntax error: unexpected { in parameter list; possibly missing comma or )"),
    CASE("syntax_rune",
        "package main\n"
        "\n"
        "// A rune literal holds exactly one character (a lexical error: type checking goes on).\n"
        "func main() {\n"
        "\tc := 'ab' // ERROR \"more than one character in rune literal\"\n"
        "\t_ = c\n"
        "}\n"
        "",
        "5:7: more than one character in rune literal"),
    CASE("syntax_top_stmt",
        "package main\n"
        "\n"
        "// Statements are not allowed outside function bodies.\n"
        "x := 1 // ERROR \"non-declaration statement outside function body\"\n"
        "\n"
        "func main() {}\n"
        "",
        "4:1: syntax error: non-declaration statement outside function body"),
    CASE("syntax_var_type",
        "package main\n"
        "\n"
        "// A var declaration needs a type or a value.\n"
        "func main() {\n"
        "\tvar x // ERROR \"unexpected newline, expected type\"\n"
        "\t_ = x\n"
        "}\n"
        "",
        "5:52: syntax error: unexpected newline, expected type"),
    CASE("type_paren_bad",
        "package main\n"
        "type T (1)\n"
        "",
        "2:9: syntax error: unexpected literal 1, expected type"),
    CASE("typeargs_bad",
        "package main\n"
        "func main() {\n"
        "\t_ = F[int, 1]\n"
        "}\n"
        "",
        "3:13: syntax error: unexpected literal 1, expected ]"),
    CASE("typeassert_call",
        "package main\n"
        "func main() {\n"
        "\tvar x interface{}\n"
        "\t_ = x.(f(1))\n"
        "}\n"
        "",
        "4:10: syntax error: unexpected (, expected )"),
    CASE("typeassert_lit",
        "package main\n"
        "func main() {\n"
        "\tvar x interface{}\n"
        "\t_ = x.(\"s\")\n"
        "}\n"
        "",
        "4:9: syntax error: unexpected literal \"s\", expected type"),
    CASE("var_in_for",
        "package main\n"
        "func main() {\n"
        "\tfor var i = 0; i < 3; i++ {\n"
        "\t}\n"
        "}\n"
        "",
        "3:10: syntax error: var declaration not allowed in for initializer"),
    CASE("var_in_if",
        "package main\n"
        "func main() {\n"
        "\tif var x = 1; x > 0 {\n"
        "\t}\n"
        "}\n"
        "",
        "3:9: syntax error: var declaration not allowed in if initializer"),
// clang-format on
