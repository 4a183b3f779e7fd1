module example.com/vis

go 1.22
