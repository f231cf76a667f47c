// Prints the machine a benchmark ran on (bench/ only).
#pragma once

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
  std::printf("machine: %s, %ld cores, %.1f GiB RAM\n", model.c_str(), sysconf(_SC_NPROCESSORS_ONLN),
              sysconf(_SC_PHYS_PAGES) * double(sysconf(_SC_PAGE_SIZE)) / (1 << 30));
}

}  // namespace tenlik::bench
