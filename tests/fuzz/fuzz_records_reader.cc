// The records reader on any records.jsonl: records, a torn last line or an Error, never a crash.
#include "results/store/record_reader.h"
#include "results/store/records_file.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace landed;
  const auto path = fuzz::write_scratch("records.jsonl", data, size);
  (void)read_existing_records(path);
  for (ReadDepth depth : {ReadDepth::kSummary, ReadDepth::kFull})
    (void)for_each_record(path, [](const Record&) { return ok_status(); }, depth);
  return 0;
}
