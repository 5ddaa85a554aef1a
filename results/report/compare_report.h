// How `landed compare` prints a comparison: one writer per format, each in its own
// compare_*.cc file, listed once in compare_formats().
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "results/report/format_registry.h"
#include "scoring/compare.h"

namespace landed {

using CompareWriter = void (*)(const Comparison&, std::ostream&);
/// The formats `landed compare --format` accepts, in --help order.
const FormatRegistry<CompareWriter>& compare_formats();
/// Writes `format`; an unknown format is an error (nothing written).
Status write_comparison(std::string_view format, const Comparison& comparison, std::ostream& out);

void write_compare_table(const Comparison& comparison, std::ostream& out);
void write_compare_markdown(const Comparison& comparison, std::ostream& out);
void write_compare_json(const Comparison& comparison, std::ostream& out);

/// What the table and Markdown formats share: the columns, one row per contender, the notes
/// (gates crossed, power warnings, contenders on one side only) and the closing verdict.
const std::vector<std::string>& compare_headers();
std::vector<std::string> compare_row(const ContenderChange& change);
std::vector<std::string> compare_notes(const Comparison& comparison);
std::string compare_summary(const Comparison& comparison);

}  // namespace landed
