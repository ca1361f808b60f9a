#pragma once
// The process's memory as Linux reports it (/proc/self/status), for benchmarks; 0 where unavailable.
#include <QtGlobal>

namespace wf::test {

qint64 residentBytes();     // VmRSS now
qint64 peakResidentBytes(); // VmHWM: the highest VmRSS so far

} // namespace wf::test
