#include "results/site/transcript_html.h"

#include <fmt/format.h>

#include "results/report/figures.h"
#include "results/site/html.h"

namespace landed::site {
namespace {

std::string count_text(const Count& value) {
  return figures::count(value ? std::optional<double>(static_cast<double>(*value)) : std::nullopt);
}

std::string model_call_item(const TranscriptStep& step) {
  const TokenUsage& t = step.tokens;
  return fmt::format("<li class=\"call\"><span class=\"kind\">model call</span>{} · in {} · cache r "
                     "{} w {} · out {} · {}</li>\n",
                     step.model.empty() ? "" : " " + escape(step.model), count_text(t.input_tokens),
                     count_text(t.cache_read_tokens), count_text(t.cache_write_tokens),
                     count_text(t.output_tokens),
                     step.cost_usd ? figures::dollars(step.cost_usd) : "cost unknown");
}

std::string step_item(const TranscriptStep& step) {
  switch (step.kind) {
    case TranscriptStep::Kind::kModelCall: return model_call_item(step);
    case TranscriptStep::Kind::kToolCall:
      return fmt::format("<li class=\"tool\"><span class=\"kind\">tool</span><code>{}</code></li>\n",
                         escape(step.text));
    case TranscriptStep::Kind::kMessage:
      return fmt::format("<li class=\"message\"><span class=\"kind\">message</span>{}</li>\n",
                         escape(step.text));
  }
  return "";
}

std::string summary_text(const Transcript& transcript) {
  std::size_t calls = 0, tools = 0;
  double usd = 0;
  bool all_priced = true;
  for (const TranscriptStep& step : transcript.steps) {
    if (step.kind == TranscriptStep::Kind::kToolCall) ++tools;
    if (step.kind != TranscriptStep::Kind::kModelCall) continue;
    ++calls;
    if (step.cost_usd) usd += *step.cost_usd;
    else all_priced = false;
  }
  std::string dollars = calls == 0 ? "" : all_priced ? " · " + figures::dollars(usd)
                                                     : " · ≥" + figures::dollars(usd);
  return fmt::format("transcript: {} model call(s) · {} tool call(s){} <small>({})</small>", calls,
                     tools, dollars, escape(transcript.format));
}

}  // namespace

std::string transcript_html(const Transcript& transcript) {
  std::string items;
  for (const TranscriptStep& step : transcript.steps) items += step_item(step);
  std::string more = transcript.omitted == 0
                         ? ""
                         : fmt::format("<p class=\"missing\">{} more step(s) not shown</p>", transcript.omitted);
  return fmt::format("<details class=\"transcript\"><summary>{}</summary><ol class=\"transcript\">\n"
                     "{}</ol>{}</details>",
                     summary_text(transcript), items, more);
}

std::string route_steps_html(const RouteInfo& route,
                             const std::vector<std::filesystem::path>& step_logs,
                             const TranscriptReader& read) {
  std::string rows;
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    const RouteStepInfo& step = route.steps[i];
    std::string why = step.escalated_on ? "escalated on " + *step.escalated_on : "last step";
    std::string cost = step.cost_usd ? figures::dollars(step.cost_usd)
                                     : (step.price_status.empty() ? "—" : step.price_status);
    std::string transcript;
    if (read && i < step_logs.size() && !step_logs[i].empty())
      if (auto t = read(step.contender.runner, step.contender.model, step_logs[i])) transcript = transcript_html(*t);
    rows += fmt::format("<tr class=\"{}\"><td>{}</td><th scope=\"row\">{}</th><td><span class=\"outcome\">{}"
                        "</span><br><small>agent {}: {}</small></td><td>{}</td><td>{}</td></tr>\n",
                        to_string(step.outcome), i + 1, escape(step.contender.id), to_string(step.outcome),
                        escape(step.agent_status), escape(step.reason), escape(why), escape(cost));
    if (!transcript.empty()) rows += "<tr class=\"files\"><td colspan=\"5\">" + transcript + "</td></tr>\n";
  }
  return "<table class=\"route-steps\"><caption>Route steps</caption><thead><tr><th scope=\"col\">Step"
         "</th><th scope=\"col\">Contender</th><th scope=\"col\">Outcome</th><th scope=\"col\">Why it "
         "moved on</th><th scope=\"col\">Cost</th></tr></thead><tbody>\n" + rows + "</tbody></table>";
}

}  // namespace landed::site
