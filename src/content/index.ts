console.debug('[image-vault] content');
