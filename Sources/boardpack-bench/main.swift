print("boardpack")
