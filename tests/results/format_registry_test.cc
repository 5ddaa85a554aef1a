#include "results/report/format_registry.h"

#include <gtest/gtest.h>

#include "results/report/compare_report.h"
#include "results/report/reporter.h"
#include "results/report/routes_report.h"

namespace landed {
namespace {

using Writer = int (*)();
int one() { return 1; }
int two() { return 2; }

const FormatRegistry<Writer> kFormats({{"table", "for a terminal", one},
                                       {"md", "for a pull request", two, "markdown"}});

TEST(FormatRegistry, FindsAFormatByNameOrAlias) {
  ASSERT_TRUE(kFormats.find("table").ok());
  EXPECT_EQ((*kFormats.find("table"))->writer(), 1);
  ASSERT_TRUE(kFormats.find("markdown").ok());
  EXPECT_EQ((*kFormats.find("markdown"))->name, "md");
}

TEST(FormatRegistry, AnUnknownFormatIsAnErrorListingTheNames) {
  auto found = kFormats.find("html");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().message, "unknown --format 'html' (table, md)");
  EXPECT_FALSE(kFormats.find("").ok());  // an empty alias matches nothing
}

TEST(FormatRegistry, HelpAndNamesComeFromTheList) {
  EXPECT_EQ(kFormats.names(), "table | md");
  EXPECT_EQ(kFormats.help(), "table: for a terminal; md: for a pull request");
}

// The three commands' lists: what --format accepts and --help shows.
TEST(FormatRegistry, EachCommandListsItsFormats) {
  EXPECT_EQ(report_formats().names(), "table | md | json | csv | junit");
  EXPECT_EQ(routes_formats().names(), "table | md | json");
  EXPECT_EQ(compare_formats().names(), "table | md | json");
  for (const auto* names : {&report_formats().formats()})
    for (const auto& format : *names) EXPECT_FALSE(format.description.empty()) << format.name;
  EXPECT_TRUE(compare_formats().find("markdown").ok());
  EXPECT_FALSE(routes_formats().find("csv").ok());
}

}  // namespace
}  // namespace landed
