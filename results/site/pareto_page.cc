// Page 2: cost per attempt (log scale) against pass rate, with each contender's 95% interval
// and the Pareto frontier (no contender on it is both cheaper and better than another).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "results/report/figures.h"
#include "results/site/html.h"
#include "results/site/pages.h"

namespace landed::site {
namespace {

constexpr double kWidth = 720, kHeight = 420;
constexpr double kLeft = 60, kRight = 180, kTop = 20, kBottom = 50;

struct Point {
  const ContenderSummary* s;
  double cost, rate;
};

struct Axes {
  double log_min, log_max;
  double x(double cost) const {
    return kLeft + (std::log10(cost) - log_min) / (log_max - log_min) * (kWidth - kLeft - kRight);
  }
  static double y(double rate) { return kTop + (1 - rate) * (kHeight - kTop - kBottom); }
};

std::vector<Point> plotted(const Scoreboard& board) {
  std::vector<Point> points;
  for (const ContenderSummary& s : board.contenders)
    if (s.cost.mean_per_attempt && *s.cost.mean_per_attempt > 0 && s.pass_rate)
      points.push_back({&s, *s.cost.mean_per_attempt, *s.pass_rate});
  std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
    return a.cost < b.cost || (a.cost == b.cost && a.rate > b.rate);
  });
  return points;
}

std::string grid(const Axes& axes) {
  std::string out;
  for (int e = static_cast<int>(axes.log_min); e <= static_cast<int>(axes.log_max); ++e) {
    double x = axes.x(std::pow(10.0, e));
    out += fmt::format("<line class=\"grid\" x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\"/>"
                       "<text class=\"tick\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       x, kTop, x, kHeight - kBottom, x, kHeight - kBottom + 16,
                       escape(figures::dollars(std::pow(10.0, e))));
  }
  for (int p = 0; p <= 100; p += 25) {
    double y = Axes::y(p / 100.0);
    out += fmt::format("<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>"
                       "<text class=\"tick\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}%</text>\n",
                       kLeft, y, kWidth - kRight, y, kLeft - 6, y + 4, p);
  }
  out += fmt::format("<text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">dollars per "
                     "attempt (log scale)</text>\n<text class=\"axis\" transform=\"translate(14 {}) "
                     "rotate(-90)\" text-anchor=\"middle\">pass rate</text>\n",
                     (kLeft + kWidth - kRight) / 2, kHeight - 10, (kTop + kHeight - kBottom) / 2);
  return out;
}

std::string frontier(const std::vector<Point>& points, const Axes& axes) {
  std::string path;
  double best = -1;
  for (const Point& p : points) {
    if (p.rate <= best) continue;
    double x = axes.x(p.cost), y = Axes::y(p.rate);
    if (path.empty()) path = fmt::format("M{:.1f},{:.1f}", x, y);
    else path += fmt::format(" H{:.1f} V{:.1f}", x, y);
    best = p.rate;
  }
  return path.empty() ? "" : "<path class=\"frontier\" d=\"" + path + "\"/>\n";
}

std::string point(const Point& p, const Axes& axes) {
  double x = axes.x(p.cost);
  const ContenderSummary& s = *p.s;
  std::string label = escape(s.contender.id);
  return fmt::format(
      "<g class=\"point{}\"><title>{}: {} pass, {} per attempt</title>"
      "<line class=\"ci\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>"
      "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\"/>"
      "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text></g>\n",
      s.contender.simulated ? " simulated" : "", label, figures::percent(s.pass_rate),
      escape(figures::dollars(p.cost)), x, Axes::y(s.pass_interval.high), x,
      Axes::y(s.pass_interval.low), x, Axes::y(p.rate), x + 8, Axes::y(p.rate) + 4, label);
}

}  // namespace

std::string pareto_svg(const Scoreboard& board) {
  std::vector<Point> points = plotted(board);
  if (points.empty()) return "<p>No contender has both a pass rate and a dollar cost to plot.</p>\n";
  auto [lo, hi] = std::minmax_element(points.begin(), points.end(),
                                      [](const Point& a, const Point& b) { return a.cost < b.cost; });
  Axes axes{std::floor(std::log10(lo->cost)), std::ceil(std::log10(hi->cost))};
  if (axes.log_max <= axes.log_min) axes.log_max = axes.log_min + 1;
  std::string out = fmt::format(
      "<svg class=\"pareto\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"pareto-title\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"pareto-title\">Pass rate against dollars "
      "per attempt, with 95% intervals and the Pareto frontier</title>\n",
      kWidth, kHeight);
  out += grid(axes) + frontier(points, axes);
  for (const Point& p : points) out += point(p, axes);
  return out + "</svg>\n";
}

std::string pareto_html(const Scoreboard& board) {
  std::string out = "<h1>Cost vs pass rate</h1>\n<p>Each dot is a contender: its pass rate, a bar "
                    "for the 95% interval, and its mean dollars per attempt on a log scale. The "
                    "line is the Pareto frontier: moving right along it buys a higher pass rate.</p>\n"
                    "<figure class=\"plot\">" + pareto_svg(board) + "</figure>\n";
  std::string missing;
  for (const ContenderSummary& s : board.contenders)
    if (!(s.cost.mean_per_attempt && *s.cost.mean_per_attempt > 0 && s.pass_rate))
      missing += "<li>" + escape(s.contender.id) + " (" + escape(figures::cost_per_attempt(s)) + ")</li>";
  if (!missing.empty()) out += "<p>Not plotted (no dollar figure):</p><ul>" + missing + "</ul>\n";
  return out;
}

}  // namespace landed::site
