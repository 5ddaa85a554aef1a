// Import of LiteLLM's model price file (model_prices_and_context_window.json), so users can
// price any model LiteLLM knows without writing a table by hand.
#pragma once

#include <string_view>

#include "harness/base/error.h"
#include "scoring/price_table.h"

namespace landed {

/// Reads LiteLLM's JSON: one object per model with `input_cost_per_token`,
/// `output_cost_per_token`, `cache_read_input_token_cost`, `cache_creation_input_token_cost`
/// (dollars per token; converted to dollars per million). Entries without both input and
/// output token prices (images, audio, embeddings priced otherwise) and `sample_spec` are
/// skipped. A provider-prefixed key ("xai/grok-4") also becomes an alias of its bare name
/// unless the file prices the bare name itself.
Result<PriceTable> parse_litellm_json(std::string_view text, std::string_view origin);

}  // namespace landed
