console.debug('[image-vault] background');
