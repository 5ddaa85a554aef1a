#include "harness/cli/transcripts.h"

#include "runners/transcript.h"
#include "scoring/cost.h"

namespace landed::cli {

site::TranscriptReader priced_transcript_reader(const PriceTable& prices) {
  return [&prices](const std::string& runner, const std::optional<std::string>& model,
                   const std::filesystem::path& log) -> std::optional<Transcript> {
    auto read = read_transcript(runner, log);
    if (!read.ok() || !*read) return std::nullopt;
    Transcript transcript = std::move(**read);
    for (TranscriptStep& step : transcript.steps) {
      if (step.kind != TranscriptStep::Kind::kModelCall) continue;
      Usage usage;
      usage.add_step(step.model.empty() ? model.value_or("") : step.model, step.tokens);
      step.cost_usd = compute_cost(usage, model, prices).cost_usd;
    }
    return transcript;
  };
}

}  // namespace landed::cli
