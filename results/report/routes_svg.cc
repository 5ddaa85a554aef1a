// The cost-pass plot of `landed routes --out DIR` (routes.svg): a standalone SVG 1.1 document,
// no script, no external reference, so any viewer or an XML parser reads it. Cost per attempt
// on a log axis, pass rate with its 95% interval, the frontier as a line, and marks by kind:
// circle = single contender, square = cascade, diamond = the oracle, triangle = live route.
#include <algorithm>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "results/report/routes_report.h"
#include "results/report/xml_escape.h"

namespace landed {
namespace {

constexpr double kWidth = 960, kHeight = 600;
constexpr double kLeft = 80, kRight = 40, kTop = 60, kBottom = 70;

/// One mark on the plot.
struct Mark {
  const PolicyResult* policy;
  std::string shape;  // circle, square, diamond, triangle
  bool label;
};

class Axes {
 public:
  explicit Axes(const std::vector<Mark>& marks) {
    double lo = INFINITY, hi = 0;
    for (const Mark& m : marks) {
      lo = std::min(lo, *m.policy->cost_per_attempt);
      hi = std::max(hi, *m.policy->cost_per_attempt);
    }
    if (!(lo < INFINITY)) lo = hi = 1;
    log_lo_ = std::floor(std::log10(lo) - 0.05);
    log_hi_ = std::ceil(std::log10(hi) + 0.05);
    if (log_hi_ <= log_lo_) log_hi_ = log_lo_ + 1;
  }
  double x(double cost) const {
    return kLeft + (std::log10(cost) - log_lo_) / (log_hi_ - log_lo_) * (kWidth - kLeft - kRight);
  }
  static double y(double pass) { return kTop + (1 - pass) * (kHeight - kTop - kBottom); }
  int decade_lo() const { return static_cast<int>(log_lo_); }
  int decade_hi() const { return static_cast<int>(log_hi_); }

 private:
  double log_lo_ = 0, log_hi_ = 1;
};

void write_grid(std::ostream& out, const Axes& axes) {
  const double bottom = Axes::y(0), top = Axes::y(1);
  for (int tick = 0; tick <= 10; ++tick) {
    const double y = Axes::y(tick / 10.0);
    out << fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                       "stroke=\"#e5e5e5\"/>\n", kLeft, y, kWidth - kRight, y);
    out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}%</text>\n",
                       kLeft - 8, y + 4, tick * 10);
  }
  for (int d = axes.decade_lo(); d <= axes.decade_hi(); ++d)
    for (int m : {1, 2, 5}) {
      const double cost = m * std::pow(10.0, d);
      const double x = axes.x(cost);
      if (x < kLeft - 0.5 || x > kWidth - kRight + 0.5) continue;
      out << fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                         "stroke=\"{}\"/>\n", x, top, x, bottom, m == 1 ? "#d0d0d0" : "#f0f0f0");
      out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">${}</text>\n", x,
                         bottom + 18, xml_escape(fmt::format("{:g}", cost)));
    }
  out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">dollars per attempt "
                     "(log scale)</text>\n", (kLeft + kWidth - kRight) / 2, kHeight - 20);
  out << fmt::format("<text transform=\"translate(20,{:.1f}) rotate(-90)\" text-anchor=\"middle\">"
                     "pass rate (95% interval)</text>\n", (top + bottom) / 2);
}

std::string shape_svg(const std::string& shape, double x, double y, const std::string& fill) {
  if (shape == "circle")
    return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\" fill=\"{}\"/>", x, y, fill);
  if (shape == "square")
    return fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>",
                       x - 5, y - 5, fill);
  if (shape == "diamond")
    return fmt::format("<polygon points=\"{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}\""
                       " fill=\"{}\"/>", x, y - 8, x + 8, y, x, y + 8, x - 8, y, fill);
  return fmt::format("<polygon points=\"{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}\" fill=\"{}\"/>",
                     x, y - 8, x + 7, y + 6, x - 7, y + 6, fill);
}

void write_mark(std::ostream& out, const Axes& axes, const Mark& m) {
  const PolicyResult& p = *m.policy;
  const double x = axes.x(*p.cost_per_attempt), y = Axes::y(*p.pass_rate);
  const std::string fill = m.shape == "diamond"    ? "#7b3294"
                           : m.shape == "triangle" ? "#d95f02"
                           : p.on_frontier         ? "#1b7837"
                                                   : "#9e9e9e";
  out << "<g class=\"" << (m.shape == "square" ? "cascade" : m.shape == "circle" ? "single"
                           : m.shape == "diamond" ? "oracle" : "live") << "\">";
  out << "<title>" << xml_escape(fmt::format("{}: pass {:.1f}% [{:.1f}, {:.1f}], ${:.4f} per attempt",
                                         p.id, *p.pass_rate * 100, p.pass_interval.low * 100,
                                         p.pass_interval.high * 100, *p.cost_per_attempt))
      << "</title>";
  out << fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
                     "stroke=\"{3}\" stroke-width=\"1.5\"/>", x, Axes::y(p.pass_interval.low),
                     Axes::y(p.pass_interval.high), fill);
  out << shape_svg(m.shape, x, y, fill);
  if (m.label)
    out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>", x + 10, y - 8, xml_escape(p.id));
  out << "</g>\n";
}

void write_frontier(std::ostream& out, const Axes& axes, const std::vector<Mark>& marks) {
  std::vector<const PolicyResult*> on;
  for (const Mark& m : marks)
    if (m.policy->on_frontier) on.push_back(m.policy);
  std::sort(on.begin(), on.end(), [](const PolicyResult* a, const PolicyResult* b) {
    return *a->cost_per_attempt < *b->cost_per_attempt;
  });
  if (on.empty()) return;
  out << "<polyline class=\"frontier\" fill=\"none\" stroke=\"#1b7837\" stroke-width=\"2\" "
         "points=\"";
  for (const PolicyResult* p : on)
    out << fmt::format("{:.1f},{:.1f} ", axes.x(*p->cost_per_attempt), Axes::y(*p->pass_rate));
  out << "\"/>\n";
}

std::vector<Mark> marks_of(const RoutingAnalysis& a) {
  std::vector<Mark> marks;
  auto plottable = [](const PolicyResult& p) {
    return p.pass_rate && p.cost_per_attempt && *p.cost_per_attempt > 0;
  };
  for (const PolicyResult& p : a.policies) {
    if (!plottable(p)) continue;
    const bool cascade = p.kind == PolicyKind::kCascade;
    marks.push_back({&p, p.kind == PolicyKind::kOracle ? "diamond" : cascade ? "square" : "circle",
                     !cascade || p.on_frontier || p.named});
  }
  for (const LiveRoute& r : a.live)
    if (plottable(r.live)) marks.push_back({&r.live, "triangle", true});
  // Dominated cascades first, so the marks that matter are drawn on top.
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) {
    return x.label < y.label;
  });
  return marks;
}

void write_legend(std::ostream& out) {
  const double y = 30;
  double x = kLeft;
  for (const auto& [shape, fill, text] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"circle", "#1b7837", "single contender"}, {"square", "#1b7837", "cascade"},
           {"square", "#9e9e9e", "dominated"}, {"diamond", "#7b3294", "oracle router"},
           {"triangle", "#d95f02", "live route"}}) {
    out << shape_svg(shape, x, y, fill)
        << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x + 12, y + 4, text);
    x += 30 + 7.5 * static_cast<double>(text.size());
  }
  out << fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                     "stroke=\"#1b7837\" stroke-width=\"2\"/>", x, y, x + 24, y)
      << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">frontier</text>\n", x + 30, y + 4);
}

}  // namespace

std::string routes_svg(const RoutingAnalysis& a) {
  const std::vector<Mark> marks = marks_of(a);
  const Axes axes(marks);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{0}\" "
                     "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
                     "font-size=\"12\">\n", kWidth, kHeight)
      << "<title>landed routes: cost per attempt against pass rate</title>\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  write_legend(out);
  write_grid(out, axes);
  write_frontier(out, axes, marks);
  for (const Mark& m : marks) write_mark(out, axes, m);
  if (marks.empty())
    out << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">no priced policy "
                       "to plot</text>\n", kWidth / 2, kHeight / 2);
  out << "</svg>\n";
  return out.str();
}

}  // namespace landed
