package go124
