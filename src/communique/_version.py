"""The package version, apart from the package root so that any module can import it."""

__version__ = "0.1.0"
