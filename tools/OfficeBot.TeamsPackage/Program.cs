using OfficeBot.TeamsPackage;

return PackageCommand.Run(args, Directory.GetCurrentDirectory(), Console.Out, Console.Error);
