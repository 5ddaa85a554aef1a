// Builders of synthetic records for the scoring tests.
#pragma once

#include <string>

#include "results/model/record.h"

namespace landed::testing {

inline Record make_record(const std::string& contender, const std::string& task, int repeat,
                          Outcome outcome, std::optional<double> cost = std::nullopt) {
  Record r;
  r.contender.id = contender;
  r.contender.runner = "sim";
  r.contender.model = "sim-frontier";
  r.task_id = task;
  r.attempt_id = task + "/" + contender + "/r" + std::to_string(repeat);
  r.repeat = repeat;
  r.outcome = outcome;
  r.cost_usd = cost;
  r.price_status = cost ? "priced" : "no_usage";
  r.wall_time_s = 10;
  return r;
}

}  // namespace landed::testing
