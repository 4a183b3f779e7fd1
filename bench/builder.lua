-- builder: table.concat building and string functions (twin of builder.go).
local parts = {}
for i = 0, 1999999 do
  parts[#parts + 1] = "go"
  parts[#parts + 1] = " "
  if i % 10 == 0 then parts[#parts + 1] = "routine\n" end
end
local s = table.concat(parts)
local lines = 1
for _ in s:gmatch("\n") do lines = lines + 1 end
local words = 0
for _ in s:gmatch("%S+") do words = words + 1 end
local count = 0
for _ in s:gmatch("go") do count = count + 1 end
print(#s, lines, words, count, s:sub(1, 12):upper())
