-- sprintf: string.format with mixed conversions in a loop (twin of sprintf.go).
local total = 0
for i = 0, 499999 do
  local s = string.format("item %d: %s=%.2f [%x] %s", i, "price", i * 1.5, i, tostring(i % 7 == 0))
  total = total + #s
end
print(total)
