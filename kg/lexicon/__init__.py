"""Knowledge kept as data (kg/patterns): the gazetteer of the world and the rules' word sets."""
