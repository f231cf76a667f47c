// Prints the machine a benchmark ran on (bench/ only).
#pragma once

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace tenlik::bench {

inline void PrintMachine() {
  std::ifstream cpu("/proc/cpuinfo");
  std::string line, model = "unknown";
  while (std::getline(cpu, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  std::printf("machine: %s, %ld cores, %.1f GiB RAM\n", model.c_str(),
              sysconf(_SC_NPROCESSORS_ONLN),
              sysconf(_SC_PHYS_PAGES) * double(sysconf(_SC_PAGE_SIZE)) / (1 << 30));
}

// User + system CPU seconds of all threads of this process so far: rates per
// CPU-second are rates per core, whatever the threads were waiting on.
inline double CpuSecondsUsed() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

}  // namespace tenlik::bench
