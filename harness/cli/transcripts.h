// `landed publish`: each attempt's transcript, read from its agent log by the runner's
// transcript reader (runners/transcript.h) and priced per model call with the same price table
// as the report, handed to the site as plain steps (results/ never reads agent formats).
#pragma once

#include "results/site/transcript_html.h"
#include "scoring/price_table.h"

namespace landed::cli {

/// A reader that prices every model call with `prices` (the step's model, else the
/// contender's). A log that cannot be read gives no transcript, never an error.
site::TranscriptReader priced_transcript_reader(const PriceTable& prices);

}  // namespace landed::cli
