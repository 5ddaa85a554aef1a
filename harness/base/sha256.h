// SHA-256 for content digests of tasks, suites and contenders.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace landed {

/// Incremental SHA-256; hex() returns the lowercase hex digest and ends the hashing.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  /// Updates with the length then the bytes, so field boundaries cannot be confused.
  void update_field(std::string_view bytes);
  std::string hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace landed
