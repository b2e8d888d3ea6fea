// a.hpp
