def hi():
    print("hi")
