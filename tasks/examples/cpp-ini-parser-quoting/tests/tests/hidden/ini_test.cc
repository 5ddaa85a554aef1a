#include <string>
#include <vector>

#include "check.h"
#include "ini.h"

static bool has_error_on_line(const IniParse& p, std::size_t line) {
  for (const IniError& e : p.errors)
    if (e.line == line) return true;
  return false;
}

static void reads_sections_and_keys() {
  const IniParse p = parse_ini(
      "; settings\n"
      "# also a comment\n"
      "name = demo\n"
      "[server]\n"
      "host = example.org\n"
      "port = 8080\n"
      "\n"
      "  [ log ]  \n"
      "level=info\n"
      "[server]\n"
      "port = 9090\n");
  CHECK(p.errors.empty());
  CHECK(p.document.get("", "name") == "demo");
  CHECK(p.document.get("server", "host") == "example.org");
  CHECK(p.document.get_int("server", "port") == 9090);
  CHECK(p.document.get("log", "level") == "info");
  CHECK(!p.document.get("log", "missing").has_value());
  CHECK(!p.document.get("nope", "level").has_value());
  CHECK((p.document.sections() == std::vector<std::string>{"", "server", "log"}));
}

static void inline_comments_need_a_blank_before_them() {
  const IniParse p = parse_ini(
      "[web]\n"
      "url = https://example.com/docs#install\n"
      "retries = 3 ; per request\n"
      "mode = fast# not a comment\n"
      "owner = ops\t# team\n"
      "empty = ; nothing here\n");
  CHECK(p.errors.empty());
  CHECK(p.document.get("web", "url") == "https://example.com/docs#install");
  CHECK(p.document.get("web", "retries") == "3");
  CHECK(p.document.get_int("web", "retries") == 3);
  CHECK(p.document.get("web", "mode") == "fast# not a comment");
  CHECK(p.document.get("web", "owner") == "ops");
  CHECK(p.document.get("web", "empty") == "");
}

static void quoted_values_keep_comment_characters_and_spaces() {
  const IniParse p = parse_ini(
      "[db]\n"
      "password = \"p;ss#word\"\n"
      "padded = \"  two spaces  \"  ; trailing comment\n"
      "title = \"Hello world\"\n"
      "blank = \"\"\n");
  CHECK(p.errors.empty());
  CHECK(p.document.get("db", "password") == "p;ss#word");
  CHECK(p.document.get("db", "padded") == "  two spaces  ");
  CHECK(p.document.get("db", "title") == "Hello world");
  CHECK(p.document.get("db", "blank") == "");
}

static void quoted_values_decode_escapes() {
  const IniParse p = parse_ini(
      "motd = \"say \\\"hi\\\"\\n\"\n"
      "path = \"C:\\\\temp\\\\new\"\n"
      "cols = \"a\\tb\"\n");
  CHECK(p.errors.empty());
  CHECK(p.document.get("", "motd") == "say \"hi\"\n");
  CHECK(p.document.get("", "path") == "C:\\temp\\new");
  CHECK(p.document.get("", "cols") == "a\tb");
}

static void bad_quoted_values_are_errors_with_line_numbers() {
  const IniParse p = parse_ini(
      "[a]\n"
      "ok = 1\n"
      "open = \"never closed\n"
      "junk = \"x\" y\n"
      "esc = \"bad \\q escape\"\n"
      "after = 2\n");
  CHECK(p.errors.size() == 3);
  CHECK(has_error_on_line(p, 3));
  CHECK(has_error_on_line(p, 4));
  CHECK(has_error_on_line(p, 5));
  CHECK(p.document.get("a", "ok") == "1");
  CHECK(p.document.get("a", "after") == "2");
}

static void windows_line_endings_are_not_part_of_values() {
  const IniParse p = parse_ini("[server]\r\nport = 8080\r\nname = \"box\"\r\nflag = on\r\n");
  CHECK(p.errors.empty());
  CHECK(p.document.get("server", "port") == "8080");
  CHECK(p.document.get_int("server", "port") == 8080);
  CHECK(p.document.get("server", "name") == "box");
  CHECK(p.document.get_bool("server", "flag") == true);
}

static void errors_carry_one_based_line_numbers() {
  const IniParse p = parse_ini(
      "just words\n"
      "[ok]\n"
      "= value without key\n"
      "[broken\n"
      "[fine] trailing\n"
      "[good] ; comment is fine\n"
      "x = 1");
  CHECK(p.errors.size() == 4);
  CHECK(has_error_on_line(p, 1));
  CHECK(has_error_on_line(p, 3));
  CHECK(has_error_on_line(p, 4));
  CHECK(has_error_on_line(p, 5));
  CHECK(!has_error_on_line(p, 6));
  CHECK(p.document.get("good", "x") == "1");
}

static void get_int_accepts_only_whole_integers() {
  const IniParse p = parse_ini(
      "a = 42\nb = -7\nc = +3\nd = 12abc\ne = abc\nf = 99999999999999999999999\ng = 1.5\nh =\n");
  CHECK(p.errors.empty());
  CHECK(p.document.get_int("", "a") == 42);
  CHECK(p.document.get_int("", "b") == -7);
  CHECK(p.document.get_int("", "c") == 3);
  CHECK(!p.document.get_int("", "d").has_value());
  CHECK(!p.document.get_int("", "e").has_value());
  CHECK(!p.document.get_int("", "f").has_value());
  CHECK(!p.document.get_int("", "g").has_value());
  CHECK(!p.document.get_int("", "h").has_value());
  CHECK(!p.document.get_int("", "missing").has_value());
}

static void get_bool_knows_the_usual_spellings() {
  const IniParse p = parse_ini(
      "a = true\nb = YES\nc = On\nd = 1\ne = false\nf = no\ng = OFF\nh = 0\ni = maybe\nj = 2\n");
  CHECK(p.document.get_bool("", "a") == true);
  CHECK(p.document.get_bool("", "b") == true);
  CHECK(p.document.get_bool("", "c") == true);
  CHECK(p.document.get_bool("", "d") == true);
  CHECK(p.document.get_bool("", "e") == false);
  CHECK(p.document.get_bool("", "f") == false);
  CHECK(p.document.get_bool("", "g") == false);
  CHECK(p.document.get_bool("", "h") == false);
  CHECK(!p.document.get_bool("", "i").has_value());
  CHECK(!p.document.get_bool("", "j").has_value());
  CHECK(!p.document.get_bool("", "missing").has_value());
}

static void empty_input_is_an_empty_document() {
  const IniParse p = parse_ini("");
  CHECK(p.errors.empty());
  CHECK(p.document.sections().empty());
}

int main() {
  reads_sections_and_keys();
  inline_comments_need_a_blank_before_them();
  quoted_values_keep_comment_characters_and_spaces();
  quoted_values_decode_escapes();
  bad_quoted_values_are_errors_with_line_numbers();
  windows_line_endings_are_not_part_of_values();
  errors_carry_one_based_line_numbers();
  get_int_accepts_only_whole_integers();
  get_bool_knows_the_usual_spellings();
  empty_input_is_an_empty_document();
  return check_verdict();
}
