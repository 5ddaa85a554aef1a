#include "scoring/ranking.h"

#include <algorithm>
#include <numeric>

namespace landed {
namespace {

bool same_standing(const ContenderSummary& a, const ContenderSummary& b) {
  return a.pass_rate == b.pass_rate && a.cost.per_solved == b.cost.per_solved;
}

bool ranks_before(const ContenderSummary& a, const ContenderSummary& b) {
  double rate_a = a.pass_rate.value_or(-1), rate_b = b.pass_rate.value_or(-1);
  if (rate_a != rate_b) return rate_a > rate_b;
  if (a.cost.per_solved.has_value() != b.cost.per_solved.has_value())
    return a.cost.per_solved.has_value();
  if (a.cost.per_solved && *a.cost.per_solved != *b.cost.per_solved)
    return *a.cost.per_solved < *b.cost.per_solved;
  return a.contender.id < b.contender.id;
}

}  // namespace

void rank_contenders(Scoreboard& board) {
  std::size_t n = board.contenders.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return ranks_before(board.contenders[a], board.contenders[b]);
  });
  Scoreboard ranked;
  ranked.tasks = board.tasks;
  ranked.records = board.records;
  ranked.infra_errors = board.infra_errors;
  ranked.repeats_max = board.repeats_max;
  for (std::size_t i : order) ranked.contenders.push_back(std::move(board.contenders[i]));
  ranked.cells.resize(board.cells.size());
  for (std::size_t t = 0; t < board.tasks.size(); ++t)
    for (std::size_t c = 0; c < n; ++c) ranked.cells[t * n + c] = board.cells[t * n + order[c]];
  for (std::size_t c = 0; c < n; ++c) {
    ContenderSummary& row = ranked.contenders[c];
    bool tied = c > 0 && same_standing(row, ranked.contenders[c - 1]);
    row.rank = tied ? ranked.contenders[c - 1].rank : static_cast<int>(c) + 1;
    row.separable_from_leader =
        c == 0 || !overlaps(row.pass_interval, ranked.contenders[0].pass_interval);
  }
  board = std::move(ranked);
}

}  // namespace landed
