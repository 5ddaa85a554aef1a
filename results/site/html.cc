#include "results/site/html.h"

#include <cstdint>

#include <fmt/format.h>

#include "landed/version.h"

namespace landed::site {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string slug(std::string_view name) {
  constexpr std::size_t kMaxLength = 60;
  std::string out;
  for (char c : name.substr(0, kMaxLength)) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.';
    out += safe ? c : '_';
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  if (out == name) return out;
  // FNV-1a: stable across builds and machines, so page addresses stay put between publishes.
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return fmt::format("{}-{:08x}", out, static_cast<std::uint32_t>(hash ^ (hash >> 32)));
}

std::string tail(std::string_view text, std::size_t max_bytes, bool& cut) {
  cut = text.size() > max_bytes;
  if (!cut) return std::string(text);
  std::string_view part = text.substr(text.size() - max_bytes);
  std::size_t newline = part.find('\n');
  if (newline != std::string_view::npos && newline + 1 < part.size()) part.remove_prefix(newline + 1);
  return std::string(part);
}

std::string head(std::string_view text, std::size_t max_bytes, bool& cut) {
  cut = text.size() > max_bytes;
  return std::string(text.substr(0, max_bytes));
}

std::string sort_value(std::optional<double> value) {
  return value ? fmt::format("{:.10g}", *value) : std::string();
}

std::string page_start(const PageFrame& frame) {
  struct Entry {
    const char* key;
    const char* href;
    const char* label;
  };
  static constexpr Entry kNav[] = {{"index", "index.html", "Leaderboard"},
                                   {"pareto", "pareto.html", "Cost vs pass rate"},
                                   {"tasks", "tasks/index.html", "Tasks"},
                                   {"trends", "trends.html", "Trends"},
                                   {"routes", "routes.html", "Routes"},
                                   {"data", "data/site.json", "Data (JSON)"}};
  std::string nav;
  for (const Entry& e : kNav)
    nav += fmt::format("<li><a href=\"{}{}\"{}>{}</a></li>", frame.root, e.href,
                       frame.current == e.key ? " aria-current=\"page\"" : "", e.label);
  // The CSP keeps every request on the site's own files: no CDN, no beacon, no inline script.
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "script-src 'self'; style-src 'self'; img-src 'self' data:\">\n"
      "<title>{} · landed</title>\n<link rel=\"stylesheet\" href=\"{}assets/site.css\">\n"
      "</head>\n<body>\n<header><p class=\"brand\"><a href=\"{}index.html\">landed</a></p>"
      "<nav aria-label=\"Pages\"><ul>{}</ul></nav></header>\n<main>\n",
      escape(frame.title), frame.root, frame.root, nav);
}

std::string page_end(const PageFrame& frame) {
  return fmt::format(
      "</main>\n<footer><p>Published by landed {}. Every figure is also in "
      "<a href=\"{}data/site.json\">the data files</a>.</p></footer>\n"
      "<script src=\"{}assets/site.js\"></script>\n</body>\n</html>\n",
      escape(kVersion), frame.root, frame.root);
}

}  // namespace landed::site
