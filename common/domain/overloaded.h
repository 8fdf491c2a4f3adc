// Overloaded{lambdas...}: one callable made of several lambdas, for
// std::visit over a std::variant, so that every alternative is handled where
// the variant is read and a new alternative fails to compile until it is.
#pragma once

namespace huinong::domain {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace huinong::domain
