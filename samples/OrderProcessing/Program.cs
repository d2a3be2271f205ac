Console.WriteLine("The OrderProcessing sample arrives with the hosting issue (issue 6).");
return 0;
