package eu.aifactory.server.catalog;

public enum AppSort { NAME, PRICE, POPULARITY }
