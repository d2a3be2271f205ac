Console.Error.WriteLine("swf-local: the HTTP server is not implemented yet; see issue 3.");
return 2;
