package shape

type Point struct {
	X, y int
}

func (p Point) Sum() int  { return p.X + p.y }
func (p Point) diff() int { return p.X - p.y }

func New(x, y int) Point { return Point{x, y} }

type hidden int
