#include <string>
#include <vector>

#include "check.h"
#include "log_summary.h"

static bool same(const std::vector<UserCount>& got, const std::vector<UserCount>& want) {
  if (got.size() != want.size()) return false;
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got[i].user != want[i].user || got[i].lines != want[i].lines) return false;
  return true;
}

static void finds_the_user_field() {
  CHECK(user_of("GET / user=alice status=200") == "alice");
  CHECK(user_of("user=bob") == "bob");
  CHECK(user_of("GET / superuser=eve").empty());
  CHECK(user_of("GET / status=500").empty());
}

static void counts_in_order_of_first_appearance() {
  const std::vector<std::string> lines = {
      "GET /a user=bob", "GET /b user=alice", "GET /c", "GET /d user=bob"};
  CHECK(same(count_by_user(lines), {{"bob", 2}, {"alice", 1}}));
}

static void ranks_by_count() {
  const std::vector<UserCount> counts = {{"a", 1}, {"b", 5}, {"c", 3}};
  CHECK(same(top_users(counts, 2), {{"b", 5}, {"c", 3}}));
  CHECK(same(top_users(counts, 10), {{"b", 5}, {"c", 3}, {"a", 1}}));
}

int main() {
  finds_the_user_field();
  counts_in_order_of_first_appearance();
  ranks_by_count();
  return check_verdict();
}
