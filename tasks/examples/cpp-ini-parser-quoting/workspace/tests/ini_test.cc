#include <string>

#include "check.h"
#include "ini.h"

static void reads_sections_and_keys() {
  const IniParse p = parse_ini(
      "; settings\n"
      "name = demo\n"
      "[server]\n"
      "host = example.org\n"
      "port = 8080\n"
      "\n"
      "[log]\n"
      "level = info\n");
  CHECK(p.errors.empty());
  CHECK(p.document.get("", "name") == "demo");
  CHECK(p.document.get("server", "host") == "example.org");
  CHECK(p.document.get_int("server", "port") == 8080);
  CHECK(p.document.get("log", "level") == "info");
  CHECK(!p.document.get("log", "missing").has_value());
  CHECK((p.document.sections() == std::vector<std::string>{"", "server", "log"}));
}

static void strips_quotes() {
  const IniParse p = parse_ini("[a]\ntitle = \"Hello world\"\n");
  CHECK(p.errors.empty());
  CHECK(p.document.get("a", "title") == "Hello world");
}

static void reports_lines_without_equals() {
  const IniParse p = parse_ini("[a]\nx = 1\njust words\n");
  CHECK(p.errors.size() == 1);
  CHECK(p.document.get("a", "x") == "1");
}

static void reads_true() {
  const IniParse p = parse_ini("debug = true\n");
  CHECK(p.document.get_bool("", "debug") == true);
}

int main() {
  reads_sections_and_keys();
  strips_quotes();
  reports_lines_without_equals();
  reads_true();
  return check_verdict();
}
