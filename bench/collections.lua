-- collections: table append, table insert and lookup, method calls through a "class"
-- (twin of collections.go).
local n = 1000000
local s = {}
for i = 0, n - 1 do s[#s + 1] = i * 3 end
local m = {}
local count = 0
for i = 0, n - 1 do
  if m[i * 7] == nil then count = count + 1 end
  m[i * 7] = i
end
local hits = 0
for i = 0, 2 * n - 1 do
  if m[i] ~= nil then hits = hits + 1 end
end
local Rect = {}
Rect.__index = Rect
function Rect.new(w, h) return setmetatable({w = w, h = h}, Rect) end
function Rect:area() return self.w * self.h end
local Square = {}
Square.__index = Square
function Square.new(x) return setmetatable({s = x}, Square) end
function Square:area() return self.s * self.s end
local shapes = {Rect.new(2, 3), Square.new(4), Rect.new(5, 1)}
local total = 0
for i = 0, 3 * n - 1 do
  total = total + shapes[i % 3 + 1]:area()
end
print(#s, s[n], count, hits, total)
