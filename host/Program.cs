using Valhalla.Host;

return await ValhallaCommand.RunAsync(args);
