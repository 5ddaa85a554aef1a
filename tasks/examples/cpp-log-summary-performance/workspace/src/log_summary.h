// Per-user summaries of access-log lines such as
//   2024-05-01T12:00:00Z GET /cart user=alice status=200
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct UserCount {
  std::string user;
  std::size_t lines = 0;
};

/// The value of the `user=` field (a field starts the line or follows a space and runs to the
/// next space); empty when the line has no such field or its value is empty.
std::string_view user_of(std::string_view line);

/// The number of lines of each user, in order of the user's first appearance. Lines without a
/// user are skipped.
std::vector<UserCount> count_by_user(const std::vector<std::string>& lines);

/// The `n` users with the most lines (all of them if there are fewer), most first; users with
/// equal counts keep their order in `counts`.
std::vector<UserCount> top_users(const std::vector<UserCount>& counts, std::size_t n);
