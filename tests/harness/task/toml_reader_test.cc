#include "harness/task/toml_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/test_support.h"

namespace landed {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

toml::table parse(std::string_view text) {
  Result<toml::table> table = parse_toml_string(text, "tasks/x/task.toml");
  EXPECT_TRUE(table.ok()) << table.error().message;
  return std::move(table).value();
}

TEST(ParseToml, ReadsAValidFile) {
  testing::ScratchDir scratch;
  ASSERT_TRUE(write_file(scratch / "a.toml", "name = \"demo\"\n").ok());
  Result<toml::table> table = parse_toml_file(scratch / "a.toml");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->get("name")->value<std::string>(), "demo");
}

TEST(ParseToml, SyntaxErrorNamesFileLineAndColumn) {
  testing::ScratchDir scratch;
  const auto path = scratch / "bad.toml";
  ASSERT_TRUE(write_file(path, "a = 1\nb = \n").ok());
  Result<toml::table> table = parse_toml_file(path);
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.error().message, StartsWith(path.string() + ":2:5: "));
  EXPECT_THAT(table.error().message, HasSubstr("expected value"));
}

TEST(ParseToml, DuplicateKeyIsASyntaxError) {
  Result<toml::table> table = parse_toml_string("a = 1\na = 2\n", "c.toml");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.error().message, StartsWith("c.toml:2:"));
}

TEST(ParseToml, MissingFileNamesThePath) {
  testing::ScratchDir scratch;
  Result<toml::table> table = parse_toml_file(scratch / "absent.toml");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.error().message, HasSubstr((scratch / "absent.toml").string()));
  EXPECT_THAT(table.error().message, HasSubstr("No such file"));
}

TEST(TomlReader, WrongTypeNamesFileLineDottedKeyAndBothTypes) {
  toml::table table =
      parse("title = \"t\"\n\n[verify]\ncommand = \"true\"\n\n\ntimeout_s = \"300\"\n");
  TomlReader root(table, "tasks/x/task.toml");
  auto verify = root.optional_table("verify");
  ASSERT_TRUE(verify.ok() && verify->has_value());
  auto timeout = (*verify)->optional_int("timeout_s", 1, kMax);
  ASSERT_FALSE(timeout.ok());
  EXPECT_EQ(timeout.error().message,
            "tasks/x/task.toml:7: verify.timeout_s must be an integer, got string");
}

TEST(TomlReader, OptionalStringIsNulloptWhenAbsentAndValueWhenPresent) {
  toml::table table = parse("title = \"Fix it\"\n");
  TomlReader reader(table, "f.toml");
  EXPECT_EQ(reader.optional_string("title").value(), std::optional<std::string>("Fix it"));
  EXPECT_EQ(reader.optional_string("other").value(), std::nullopt);
}

TEST(TomlReader, OptionalStringRejectsANumber) {
  toml::table table = parse("title = 3\n");
  TomlReader reader(table, "f.toml");
  auto title = reader.optional_string("title");
  ASSERT_FALSE(title.ok());
  EXPECT_EQ(title.error().message, "f.toml:1: title must be a string, got integer");
}

TEST(TomlReader, RequiredStringMissingNamesTheDottedKeyAtTheTableLine) {
  toml::table table = parse("a = 1\n[verify]\ntimeout_s = 3\n");
  TomlReader root(table, "t.toml");
  auto verify = root.optional_table("verify");
  ASSERT_TRUE(verify.ok() && verify->has_value());
  auto command = (*verify)->required_string("command");
  ASSERT_FALSE(command.ok());
  EXPECT_EQ(command.error().message, "t.toml:2: missing required key verify.command");
}

TEST(TomlReader, RequiredStringRejectsEmptyString) {
  toml::table table = parse("\ncommand = \"\"\n");
  TomlReader reader(table, "t.toml");
  auto command = reader.required_string("command");
  ASSERT_FALSE(command.ok());
  EXPECT_EQ(command.error().message, "t.toml:2: command must not be empty");
}

TEST(TomlReader, OptionalIntChecksTheRange) {
  toml::table table = parse("a = 0\nb = 7\nc = 99\n");
  TomlReader reader(table, "t.toml");
  auto a = reader.optional_int("a", 1, kMax);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message, "t.toml:1: a must be at least 1, got 0");
  EXPECT_EQ(reader.optional_int("b", 1, 10).value(), std::optional<std::int64_t>(7));
  auto c = reader.optional_int("c", 1, 10);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, "t.toml:3: c must be between 1 and 10, got 99");
  EXPECT_EQ(reader.optional_int("d", 1, 10).value(), std::nullopt);
}

TEST(TomlReader, OptionalIntRejectsAFloat) {
  toml::table table = parse("timeout_s = 30.0\n");
  TomlReader reader(table, "t.toml");
  auto timeout = reader.optional_int("timeout_s", 1, kMax);
  ASSERT_FALSE(timeout.ok());
  EXPECT_EQ(timeout.error().message, "t.toml:1: timeout_s must be an integer, got float");
}

TEST(TomlReader, OptionalNumberAcceptsIntegersAndFloats) {
  toml::table table = parse("a = 3\nb = 0.25\n");
  TomlReader reader(table, "t.toml");
  EXPECT_EQ(reader.optional_number("a").value(), std::optional<double>(3.0));
  EXPECT_EQ(reader.optional_number("b").value(), std::optional<double>(0.25));
  EXPECT_EQ(reader.optional_number("c").value(), std::nullopt);
}

TEST(TomlReader, OptionalNumberRejectsStringsAndNonFiniteValues) {
  toml::table table = parse("a = \"3\"\nb = inf\nc = nan\n");
  TomlReader reader(table, "t.toml");
  auto a = reader.optional_number("a");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message, "t.toml:1: a must be a number, got string");
  auto b = reader.optional_number("b");
  ASSERT_FALSE(b.ok());
  EXPECT_THAT(b.error().message, StartsWith("t.toml:2: b must be a finite number"));
  EXPECT_FALSE(reader.optional_number("c").ok());
}

TEST(TomlReader, OptionalBoolReadsBooleansAndRejectsStrings) {
  toml::table table = parse("a = true\nb = \"yes\"\n");
  TomlReader reader(table, "t.toml");
  EXPECT_EQ(reader.optional_bool("a").value(), std::optional<bool>(true));
  auto b = reader.optional_bool("b");
  ASSERT_FALSE(b.ok());
  EXPECT_THAT(b.error().message, StartsWith("t.toml:2: b must be a boolean"));
  EXPECT_THAT(b.error().message, HasSubstr("got string"));
  EXPECT_EQ(reader.optional_bool("c").value(), std::nullopt);
}

TEST(TomlReader, StringListReadsInOrderAndIsEmptyWhenAbsent) {
  toml::table table = parse("tags = [\"cpp\", \"bugfix\"]\n");
  TomlReader reader(table, "t.toml");
  EXPECT_EQ(reader.string_list("tags").value(), (std::vector<std::string>{"cpp", "bugfix"}));
  EXPECT_TRUE(reader.string_list("none").value().empty());
}

TEST(TomlReader, StringListNamesTheBadElementAndItsLine) {
  toml::table table = parse("tags = [\n  \"cpp\",\n  7,\n]\nother = \"x\"\n");
  TomlReader reader(table, "t.toml");
  auto tags = reader.string_list("tags");
  ASSERT_FALSE(tags.ok());
  EXPECT_EQ(tags.error().message, "t.toml:3: tags[1] must be a string, got integer");
  auto other = reader.string_list("other");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().message, "t.toml:5: other must be an array of strings, got string");
}

TEST(TomlReader, OptionalTableAcceptsHeaderInlineAndDottedForms) {
  toml::table table = parse("a = { x = 1 }\nb.x = 2\n[c]\nx = 3\n");
  TomlReader reader(table, "t.toml");
  for (const char* name : {"a", "b", "c"}) {
    auto sub = reader.optional_table(name);
    ASSERT_TRUE(sub.ok() && sub->has_value()) << name;
    EXPECT_TRUE((*sub)->optional_int("x", 1, 3).value().has_value()) << name;
  }
  EXPECT_FALSE(reader.optional_table("d").value().has_value());
  EXPECT_TRUE(reader.finish().ok());
}

TEST(TomlReader, OptionalTableRejectsAScalar) {
  toml::table table = parse("agent = 5\n");
  TomlReader reader(table, "t.toml");
  auto agent = reader.optional_table("agent");
  ASSERT_FALSE(agent.ok());
  EXPECT_EQ(agent.error().message, "t.toml:1: agent must be a table, got integer");
}

TEST(TomlReader, TableArrayGivesEachElementAnIndexedPrefix) {
  toml::table table = parse("[[c]]\nname = \"a\"\n[[c]]\nname = 5\n");
  TomlReader reader(table, "t.toml");
  auto items = reader.table_array("c");
  ASSERT_TRUE(items.ok()) << items.error().message;
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].required_string("name").value(), "a");
  auto second = (*items)[1].required_string("name");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().message, "t.toml:4: c[1].name must be a string, got integer");
}

TEST(TomlReader, TableArrayAcceptsInlineArraysAndIsEmptyWhenAbsent) {
  toml::table table = parse("c = [{ n = 1 }, { n = 2 }]\n");
  TomlReader reader(table, "t.toml");
  auto items = reader.table_array("c");
  ASSERT_TRUE(items.ok());
  EXPECT_EQ(items->size(), 2u);
  EXPECT_TRUE(reader.table_array("d").value().empty());
}

TEST(TomlReader, TableArrayRejectsScalarsAndNonTableElements) {
  toml::table table = parse("c = 1\nd = [{ n = 1 }, 2]\n");
  TomlReader reader(table, "t.toml");
  auto c = reader.table_array("c");
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.error().message, StartsWith("t.toml:1: c must be an array of tables"));
  auto d = reader.table_array("d");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().message, "t.toml:2: d[1] must be a table, got integer");
}

TEST(TomlReader, StringMapReadsInlineAndSubTables) {
  toml::table table = parse("env = { A = \"1\", B = \"2\" }\n[headers]\nX-Key = \"v\"\n");
  TomlReader reader(table, "t.toml");
  EXPECT_EQ(reader.string_map("env").value(),
            (std::map<std::string, std::string>{{"A", "1"}, {"B", "2"}}));
  EXPECT_EQ(reader.string_map("headers").value(),
            (std::map<std::string, std::string>{{"X-Key", "v"}}));
  EXPECT_TRUE(reader.string_map("none").value().empty());
  EXPECT_TRUE(reader.finish().ok());
}

TEST(TomlReader, StringMapNamesANonStringValue) {
  toml::table table = parse("[env]\nA = \"1\"\nB = 2\n");
  TomlReader reader(table, "t.toml");
  auto env = reader.string_map("env");
  ASSERT_FALSE(env.ok());
  EXPECT_EQ(env.error().message, "t.toml:3: env.B must be a string, got integer");
}

TEST(TomlReader, FinishReportsAnUnknownTopLevelKeyWithItsLineAndTheAllowedKeys) {
  toml::table table = parse("title = \"t\"\ntitel = \"typo\"\n");
  TomlReader reader(table, "tasks/x/task.toml");
  ASSERT_TRUE(reader.optional_string("title").ok());
  ASSERT_TRUE(reader.optional_string("difficulty").ok());
  Status finished = reader.finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().message,
            "tasks/x/task.toml:2: unknown key titel (allowed here: difficulty, title)");
}

TEST(TomlReader, FinishOnTheRootChecksOpenedSubTables) {
  toml::table table = parse("[agent]\ntimeout_s = 5\ntimeout = 6\n");
  TomlReader reader(table, "t.toml");
  auto agent = reader.optional_table("agent");
  ASSERT_TRUE(agent.ok() && agent->has_value());
  ASSERT_TRUE((*agent)->optional_int("timeout_s", 1, kMax).ok());
  Status finished = reader.finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().message,
            "t.toml:3: unknown key agent.timeout (allowed here: timeout_s)");
}

TEST(TomlReader, FinishReportsAnUnopenedSubTableAsOneUnknownKey) {
  toml::table table = parse("a = 1\n[extra]\nx = 1\n");
  TomlReader reader(table, "t.toml");
  ASSERT_TRUE(reader.optional_int("a", 0, 5).ok());
  Status finished = reader.finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().message, "t.toml:2: unknown key extra (allowed here: a)");
}

TEST(TomlReader, FinishReportsTheFirstUnknownKeyByLineAndCountsTheRest) {
  toml::table table = parse("zeta = 1\nalpha = 2\n[c]\nm = 3\n");
  TomlReader reader(table, "t.toml");
  ASSERT_TRUE(reader.optional_table("c").ok());
  Status finished = reader.finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().message,
            "t.toml:1: unknown key zeta (allowed here: c); 2 more unknown: alpha, c.m");
}

TEST(TomlReader, FinishChecksElementsOfTableArrays) {
  toml::table table = parse("[[c]]\nname = \"a\"\n[[c]]\nname = \"b\"\nmodle = \"x\"\n");
  TomlReader reader(table, "t.toml");
  auto items = reader.table_array("c");
  ASSERT_TRUE(items.ok());
  for (TomlReader& item : *items) ASSERT_TRUE(item.required_string("name").ok());
  Status finished = reader.finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().message, "t.toml:5: unknown key c[1].modle (allowed here: name)");
}

TEST(TomlReader, FinishSucceedsWhenEveryKeyWasRead) {
  toml::table table =
      parse("title = \"t\"\ntags = [\"a\"]\nn = 1.5\n[agent]\ntimeout_s = 5\n[[r]]\nx = true\n");
  TomlReader reader(table, "t.toml");
  ASSERT_TRUE(reader.optional_string("title").ok());
  ASSERT_TRUE(reader.string_list("tags").ok());
  ASSERT_TRUE(reader.optional_number("n").ok());
  auto agent = reader.optional_table("agent");
  ASSERT_TRUE(agent.ok() && agent->has_value());
  ASSERT_TRUE((*agent)->optional_int("timeout_s", 1, kMax).ok());
  auto r = reader.table_array("r");
  ASSERT_TRUE(r.ok() && r->size() == 1);
  ASSERT_TRUE((*r)[0].optional_bool("x").ok());
  EXPECT_TRUE(reader.finish().ok());
  EXPECT_TRUE(reader.finish().ok()) << "finish() must be repeatable";
}

TEST(TomlReader, FinishOnASubReaderChecksOnlyThatTable) {
  toml::table table = parse("stray = 1\n[agent]\ntimeout_s = 5\n");
  TomlReader reader(table, "t.toml");
  auto agent = reader.optional_table("agent");
  ASSERT_TRUE(agent.ok() && agent->has_value());
  EXPECT_FALSE((*agent)->finish().ok());
  ASSERT_TRUE((*agent)->optional_int("timeout_s", 1, kMax).ok());
  EXPECT_TRUE((*agent)->finish().ok());
  EXPECT_FALSE(reader.finish().ok());
}

TEST(TomlReader, FinishOnAnEmptyTableWithNothingAskedSucceeds) {
  toml::table table = parse("");
  TomlReader reader(table, "suite.toml");
  EXPECT_TRUE(reader.finish().ok());
}

TEST(TomlReader, ContainsDoesNotCountAsReading) {
  toml::table table = parse("a = 1\n");
  TomlReader reader(table, "t.toml");
  EXPECT_TRUE(reader.contains("a"));
  EXPECT_FALSE(reader.contains("b"));
  EXPECT_FALSE(reader.finish().ok());
}

TEST(TomlReader, ErrorAtPointsAtTheKeyOrElseTheTable) {
  toml::table table = parse("x = 1\n\n[repo]\nurl = \"u\"\n");
  TomlReader reader(table, "t.toml");
  auto repo = reader.optional_table("repo");
  ASSERT_TRUE(repo.ok() && repo->has_value());
  EXPECT_EQ((*repo)->error_at("url", "bad url").message, "t.toml:4: bad url");
  EXPECT_EQ((*repo)->error_at("rev", "no rev").message, "t.toml:3: no rev");
  EXPECT_EQ(reader.file(), std::filesystem::path("t.toml"));
}

TEST(TomlReader, KeyNamesQuoteKeysThatAreNotBare) {
  toml::table table = parse("[prices]\n\"gpt-4.1\" = 1\n");
  TomlReader reader(table, "t.toml", "campaign");
  EXPECT_EQ(reader.key_name("timeout_s"), "campaign.timeout_s");
  auto prices = reader.optional_table("prices");
  ASSERT_TRUE(prices.ok() && prices->has_value());
  EXPECT_EQ((*prices)->key_name("gpt-4.1"), "campaign.prices.\"gpt-4.1\"");
  Status finished = reader.finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_THAT(finished.error().message, HasSubstr("unknown key campaign.prices.\"gpt-4.1\""));
}

}  // namespace
}  // namespace landed
