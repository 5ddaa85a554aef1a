// HTML building blocks of the site: escaping of everything user-controlled, safe file names,
// and the page frame every page shares (navigation, stylesheet, script; no external request).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace landed::site {

/// Escapes & < > " ' so the text is inert in element content and in quoted attributes.
std::string escape(std::string_view text);

/// A file name (no extension) for a user-controlled name: [A-Za-z0-9._-] kept, anything
/// else replaced, length capped, and a stable hash appended when the name had to change, so
/// distinct names never share a file.
std::string slug(std::string_view name);

/// The last `max_bytes` of `text` at a line start when there is one in reach; `cut` says
/// whether anything was dropped.
std::string tail(std::string_view text, std::size_t max_bytes, bool& cut);
/// The first `max_bytes` of `text`.
std::string head(std::string_view text, std::size_t max_bytes, bool& cut);

/// A number for a data-v sort attribute: plain, or "" when unknown.
std::string sort_value(std::optional<double> value);

struct PageFrame {
  std::string title;        // plain text; escaped here
  std::string root;         // "" for pages at the top, "../" one folder down
  std::string current;      // which navigation entry is this page: index, pareto, tasks, trends
};

/// Everything before the page's content (doctype through <main>).
std::string page_start(const PageFrame& frame);
/// Everything after it.
std::string page_end(const PageFrame& frame);

}  // namespace landed::site
