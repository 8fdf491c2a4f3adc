// The help blocks of huinongctl's commands, kept in more than one file by
// area (usage.cc holds the rest and the lookup): a command's name ("loan
// repay") and its text.
#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace huinong::ctl {

using CommandText = std::pair<std::string_view, std::string_view>;

// The loans servicing commands (servicing_usage.cc).
std::span<const CommandText> ServicingCommandTexts();
// The tickets commands (tickets_usage.cc).
std::span<const CommandText> TicketsCommandTexts();

}  // namespace huinong::ctl
